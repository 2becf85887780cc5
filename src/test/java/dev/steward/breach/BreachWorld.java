package dev.steward.breach;

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
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.NewRecord;
import dev.steward.vault.NewSubject;
import dev.steward.vault.Provenance;
import dev.steward.vault.ReturningPerson;
import dev.steward.web.HttpSettings;
import dev.steward.web.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A node on a fresh store of one engine with a clock the test sets, a GreenMail SMTP server, and
 * staff of every role with tokens of all their role's permissions.
 */
final class BreachWorld implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Principal TEST = new Principal.System("test");

  final MutableClock clock;
  final GreenMail smtp;
  final StewardNode node;
  private final StaffUsers users;
  private final ApiTokens tokens;

  BreachWorld(Engine engine, Instant start) {
    clock = new MutableClock(start);
    int port = freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    StewardConfig base =
        TestNodes.config(
            engine, new HttpSettings("127.0.0.1", 0, 8 * 1024 * 1024, 6000, 6000, List.of()));
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
            MailSettings.plain("127.0.0.1", port, "privacy@steward.test", "steward.test"));
    node =
        StewardNode.start(
            config,
            StewardNode.Options.defaults(),
            clock,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    users =
        new StaffUsers(
            node.database(), new PasswordHasher(base.passwordHashing()), node.audit(), clock);
    tokens =
        new ApiTokens(
            node.database(),
            users,
            new ClientAccounts(node.database(), node.audit(), clock),
            node.audit(),
            clock);
  }

  /** A token of everything a new staff member of {@code role} may hold. */
  String staff(Role role) {
    UUID id =
        users
            .add(
                TEST,
                new NewStaffUser(
                    role.id() + "-" + UUID.randomUUID().toString().substring(0, 8),
                    role,
                    Optional.empty(),
                    Optional.of("a long passphrase 42")))
            .user()
            .id();
    List<String> scopes = role.permissions().stream().map(Permission::scope).toList();
    return tokens
        .create(TEST, TokenOwner.staff(id), "tests", scopes, Duration.ofDays(365))
        .secret();
  }

  /** A person with {@code email} as identity and, when given, as a record in {@code system}. */
  UUID person(String email, String system, String category, String value, Instant collectedAt) {
    UUID subject =
        node.vault()
            .vault()
            .createSubject(
                TEST,
                NewSubject.of("customer-contacts", List.of(Identity.email(email))),
                ReturningPerson.REFUSE);
    node.vault()
        .vault()
        .addRecords(
            TEST,
            List.of(
                new NewRecord(
                    subject,
                    category,
                    new Provenance(
                        "the-person",
                        system,
                        Set.of("relationship-admin"),
                        "dpv:Contract",
                        collectedAt,
                        null),
                    value)));
    return subject;
  }

  HttpResponse<String> call(String method, String path, String token, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  byte[] bytes(String path, String token) {
    try {
      HttpResponse<byte[]> response =
          HTTP.send(
              HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The JSON of a call that must answer {@code status}. */
  JsonNode ok(int status, String method, String path, String token, String json) {
    HttpResponse<String> response = call(method, path, token, json);
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(status);
    return json(response);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Letters received so far, as "to|subject|body". */
  List<String> letters() {
    List<String> seen = new ArrayList<>();
    for (var message : smtp.getReceivedMessages()) {
      try {
        seen.add(
            message.getHeader("To", null)
                + "|"
                + message.getSubject()
                + "|"
                + com.icegreen.greenmail.util.GreenMailUtil.getBody(message));
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return seen;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + node.port() + path);
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
    node.close();
    smtp.stop();
  }
}
