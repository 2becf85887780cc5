package dev.steward.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.steward.access.ApiTokens;
import dev.steward.access.ClientAccounts;
import dev.steward.access.MutableClock;
import dev.steward.access.NewStaffUser;
import dev.steward.access.PasswordHasher;
import dev.steward.access.StaffUsers;
import dev.steward.access.TokenOwner;
import dev.steward.app.StewardNode;
import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import dev.steward.mail.MailSettings;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import dev.steward.request.SmsSender;
import dev.steward.store.Engine;
import dev.steward.web.Json;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole node for sign-in tests: a fresh store of one engine, a clock the test moves, a real SMTP
 * server (GreenMail) on a free port, a recording SMS provider and a staff token. Everything is
 * called over HTTP.
 */
final class SessionWorld implements AutoCloseable {
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
  final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  final List<String> texts = new CopyOnWriteArrayList<>();
  final GreenMail smtp;
  final TestNodes.Running running;
  final String dpo;

  SessionWorld(Engine engine) {
    int smtpPort = freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    StewardConfig base = TestNodes.config(engine, TestNodes.http());
    StewardConfig config =
        new StewardConfig(
            base.dataDir(),
            base.store(),
            base.keyring(),
            base.http(),
            Optional.empty(),
            base.keysDir(),
            base.keyVariables(),
            base.passwordHashing(),
            "GB",
            MailSettings.plain("127.0.0.1", smtpPort, "privacy@steward.test", "steward.test"));
    SmsSender sms = (phone, text) -> texts.add(phone + " " + text);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    StewardNode node =
        StewardNode.start(
            config,
            StewardNode.Options.defaults().withSms(sms),
            clock,
            new PrintStream(console, true, StandardCharsets.UTF_8));
    running = new TestNodes.Running(node, console);
    Principal cli = new Principal.System("cli");
    StaffUsers users =
        new StaffUsers(
            node.database(), new PasswordHasher(base.passwordHashing()), node.audit(), clock);
    ApiTokens tokens =
        new ApiTokens(
            node.database(),
            users,
            new ClientAccounts(node.database(), node.audit(), clock),
            node.audit(),
            clock);
    var dpoUser =
        users.add(
            cli,
            new NewStaffUser("dpo", Role.DPO, Optional.empty(), Optional.of("a long pass 42")));
    dpo =
        tokens
            .create(
                cli,
                TokenOwner.staff(dpoUser.user().id()),
                "tests",
                Role.DPO.permissions().stream().map(Permission::scope).toList(),
                Duration.ofDays(365))
            .secret();
  }

  HttpResponse<String> post(String path, String token, String json) {
    return running.json("POST", path, token, json);
  }

  /** Asks for a code for the email and returns the challenge id. */
  String start(String type, String value, String language) {
    HttpResponse<String> started =
        post(
            "/api/v1/public/sessions",
            null,
            "{\"identity\":{\"type\":\"%s\",\"value\":\"%s\"},\"language\":\"%s\"}"
                .formatted(type, value, language));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    return json(started).get("challengeId").asText();
  }

  HttpResponse<String> verify(String challengeId, String code) {
    return post(
        "/api/v1/public/sessions/verify",
        null,
        "{\"challengeId\":\"%s\",\"code\":\"%s\"}".formatted(challengeId, code));
  }

  /** Files a request through the privacy center with this email; returns its reference. */
  String file(String email) {
    HttpResponse<String> filed =
        post(
            "/api/v1/public/requests",
            null,
            "{\"type\":\"access\",\"residence\":\"HK\",\"identity\":{\"email\":\""
                + email
                + "\"}}");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
    return json(filed).get("reference").asText();
  }

  /** Waits for the newest sign-in letter to {@code to} and returns it. */
  MimeMessage letterTo(String to, String subjectPart) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      MimeMessage found = null;
      for (MimeMessage message : smtp.getReceivedMessages()) {
        try {
          if (message.getHeader("To", null).equals(to)
              && message.getSubject().contains(subjectPart)) {
            found = message;
          }
        } catch (MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
      if (found != null) {
        return found;
      }
      sleep();
    }
    throw new AssertionError("no letter '" + subjectPart + "' to " + to);
  }

  static String codeIn(String text) {
    Matcher matcher = CODE.matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }

  static String body(MimeMessage message) {
    try {
      Object content = message.getContent();
      return content instanceof String text ? text : content.toString();
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  int count(String sql) {
    return running
        .node()
        .database()
        .jdbi()
        .withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Instant now() {
    return clock.instant();
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    running.close();
    smtp.stop();
  }
}
