package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.steward.app.PageClient;
import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import dev.steward.decision.DecisionQuery;
import dev.steward.mail.MailSettings;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityMatch;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Double opt-in through {@code POST /api/v1/consent-events} and the confirmation letter in the
 * person's language, under the bundled policy (whose newsletter asks for double opt-in): consent
 * given through the API with an email address stays pending until the emailed link is confirmed; a
 * consent by email without the address is refused and writes nothing; a form posted from a Chinese
 * page gets its letter in Chinese with the purpose's Chinese name. Real SMTP (GreenMail), H2 and
 * PostgreSQL.
 */
class ApiDoubleOptInTest {
  private static final Principal SYSTEM = new Principal.System("test");
  private static final Pattern LINK =
      Pattern.compile("(https?://\\S+/consent/confirm\\?token=\\S+)");

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void consentGivenThroughTheApi_withAnAddress_isPendingUntilConfirmed_andTheLetterIsChinese(
      Engine engine) {
    int port = freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (TestNodes.Running node = start(engine, port)) {
      String token = node.adminToken("subject:write", "subject:read");

      // A form posted from a Chinese page: the letter is Chinese, the purpose named in Chinese.
      String form = unique("lin");
      HttpResponse<String> posted =
          node.json(
              "POST",
              "/api/v1/collect/newsletter?lang=zh-CN",
              null,
              "{\"email\":\"" + form + "\",\"opt_in\":true}");
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
      String chinese = letterTo(smtp, form);
      assertThat(chinese).contains("请确认您的订阅").contains("向订阅者发送新闻简报");
      assertThat(chinese).doesNotContain("Please confirm").doesNotContain("Sending the newsletter");

      // Consent recorded by another system, with the address it was given with.
      String email = unique("ada");
      UUID ada = subjectOf(node, email);
      HttpResponse<String> recorded =
          node.json(
              "POST",
              "/api/v1/consent-events",
              token,
              "{\"subject\":\""
                  + ada
                  + "\",\"event\":\"given\",\"purposes\":[\"newsletter\"],\"method\":\"api\","
                  + "\"evidence\":\"crm:42\",\"email\":\""
                  + email
                  + "\",\"language\":\"zh-CN\"}");
      assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
      assertThat(recorded.body()).contains("\"event\":\"pending\"");
      assertThat(history(node, ada))
          .extracting(ConsentEvent::kind)
          .containsExactly(ConsentEvent.Kind.PENDING);
      assertThat(reason(node, ada)).isEqualTo("no_consent");

      String letter = letterTo(smtp, email);
      assertThat(letter).contains("请确认您的订阅").contains("向订阅者发送新闻简报");
      Matcher link = LINK.matcher(letter);
      assertThat(link.find()).isTrue();
      String path = link.group(1).substring(link.group(1).indexOf("/consent/confirm"));
      PageClient browser = new PageClient(node);
      browser.get(path + "&lang=en");
      assertThat(reason(node, ada)).as("opening the link confirms nothing").isEqualTo("no_consent");
      HttpResponse<String> done =
          browser.post("/consent/confirm", "token", path.substring(path.indexOf("token=") + 6));
      assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
      assertThat(history(node, ada))
          .extracting(ConsentEvent::kind)
          .containsExactly(ConsentEvent.Kind.PENDING, ConsentEvent.Kind.GIVEN);
      assertThat(reason(node, ada)).isEqualTo("allowed");
    } finally {
      smtp.stop();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void consentByEmail_withoutTheAddress_isRefused_andNothingIsWritten(Engine engine) {
    int port = freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (TestNodes.Running node = start(engine, port)) {
      String token = node.adminToken("subject:write", "subject:read");
      UUID bo = subjectOf(node, unique("bo"));
      HttpResponse<String> refused =
          node.json(
              "POST",
              "/api/v1/consent-events",
              token,
              "{\"subject\":\""
                  + bo
                  + "\",\"event\":\"given\",\"purposes\":[\"newsletter\"],\"method\":\"email\","
                  + "\"evidence\":\"reply:7\"}");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
      assertThat(refused.body()).contains("email").contains("double opt-in");
      HttpResponse<String> badLanguage =
          node.json(
              "POST",
              "/api/v1/consent-events",
              token,
              "{\"subject\":\""
                  + bo
                  + "\",\"event\":\"given\",\"purposes\":[\"newsletter\"],\"method\":\"api\","
                  + "\"evidence\":\"crm:7\",\"email\":\"bo@example.org\",\"language\":\"fr\"}");
      assertThat(badLanguage.statusCode()).as(badLanguage.body()).isEqualTo(422);
      assertThat(history(node, bo)).isEmpty();
      // Given on paper, with no address: nothing to confirm by email, given at once as before.
      HttpResponse<String> paper =
          node.json(
              "POST",
              "/api/v1/consent-events",
              token,
              "{\"subject\":\""
                  + bo
                  + "\",\"event\":\"given\",\"purposes\":[\"newsletter\"],\"method\":\"paper\","
                  + "\"evidence\":\"form-scan:7\"}");
      assertThat(paper.statusCode()).as(paper.body()).isEqualTo(201);
      assertThat(history(node, bo))
          .extracting(ConsentEvent::kind)
          .containsExactly(ConsentEvent.Kind.GIVEN);
    } finally {
      smtp.stop();
    }
  }

  private static TestNodes.Running start(Engine engine, int smtpPort) {
    StewardConfig base =
        TestNodes.withPolicy(
            TestNodes.config(engine, TestNodes.http()),
            Path.of("src/main/resources/policy/bundled-policy.yaml"));
    return TestNodes.start(
        new StewardConfig(
            base.dataDir(),
            base.store(),
            base.keyring(),
            base.http(),
            base.policyFile(),
            base.keysDir(),
            base.keyVariables(),
            base.passwordHashing(),
            base.phoneRegion(),
            MailSettings.plain("127.0.0.1", smtpPort, "privacy@steward.test", "steward.test")));
  }

  /** A vault subject with {@code email}, made through a form that asks for no consent. */
  private static UUID subjectOf(TestNodes.Running node, String email) {
    HttpResponse<String> answer =
        node.json(
            "POST",
            "/api/v1/collect/contact-us",
            null,
            "{\"email\":\"" + email + "\",\"message\":\"hello\"}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return ((IdentityMatch.Found)
            node.node().vault().vault().findByIdentity(SYSTEM, Identity.email(email)))
        .subjectId();
  }

  private static List<ConsentEvent> history(TestNodes.Running node, UUID subject) {
    return node.node().consent().ledger().history(SYSTEM, Party.subject(subject));
  }

  private static String reason(TestNodes.Running node, UUID subject) {
    return node.node()
        .decisions()
        .decide(
            SYSTEM,
            new DecisionQuery(
                "email-im",
                Party.subject(subject),
                "newsletter",
                List.of("contact.email"),
                "email",
                null))
        .reason();
  }

  private static String letterTo(GreenMail smtp, String email) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (MimeMessage message : smtp.getReceivedMessages()) {
        try {
          if (email.equals(message.getHeader("To", null))) {
            return message.getSubject() + "\n" + message.getContent();
          }
        } catch (IOException | jakarta.mail.MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no letter mailed to " + email);
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
