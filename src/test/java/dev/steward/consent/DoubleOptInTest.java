package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.steward.app.PageClient;
import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import dev.steward.decision.Decision;
import dev.steward.decision.DecisionQuery;
import dev.steward.mail.MailSettings;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityMatch;
import dev.steward.web.PublicUrl;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Double opt-in under the bundled policy, whose newsletter asks for it: the sign-up form's consent
 * stays pending and allows nothing until the person follows the emailed link and confirms; the
 * confirmation is a ledger event with its evidence; a forged, reused or expired link changes
 * nothing. Real SMTP (GreenMail), H2.
 */
class DoubleOptInTest {
  private static final Principal SYSTEM = new Principal.System("test");
  private static final Pattern LINK =
      Pattern.compile("(https?://\\S+/consent/confirm\\?token=\\S+)");
  private static GreenMail smtp;
  private static TestNodes.Running node;

  @BeforeAll
  static void start() {
    int port = freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    StewardConfig base =
        TestNodes.withPolicy(
            TestNodes.config(Engine.H2, TestNodes.http()),
            Path.of("src/main/resources/policy/bundled-policy.yaml"));
    node =
        TestNodes.start(
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
                MailSettings.plain("127.0.0.1", port, "privacy@steward.test", "steward.test")));
  }

  @AfterAll
  static void stop() {
    node.close();
    smtp.stop();
  }

  @Test
  void newsletterSignUp_staysPendingUntilTheEmailedLinkIsConfirmed_thenAllows() {
    String email = unique("ada");
    UUID ada = subscribe(email);
    assertThat(history(ada))
        .extracting(ConsentEvent::kind)
        .containsExactly(ConsentEvent.Kind.PENDING);
    assertThat(decision(ada).reason()).isEqualTo("no_consent");

    String link = linkTo(email);
    assertThat(link).startsWith("http://").contains("/consent/confirm?token=");
    String path = link.substring(link.indexOf("/consent/confirm"));
    PageClient browser = new PageClient(node);

    HttpResponse<String> page = browser.get(path + "&lang=en");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Yes, I confirm");
    assertThat(browser.get(path + "&lang=zh-CN").body()).contains("确认您的订阅");
    // Opening the link (as a mail scanner does) confirms nothing.
    assertThat(decision(ada).reason()).isEqualTo("no_consent");

    String token = path.substring(path.indexOf("token=") + "token=".length());
    browser.get(path + "&lang=en");
    HttpResponse<String> done = browser.post("/consent/confirm", "token", token);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("your consent is confirmed");

    List<ConsentEvent> events = history(ada);
    assertThat(events)
        .extracting(ConsentEvent::kind)
        .containsExactly(ConsentEvent.Kind.PENDING, ConsentEvent.Kind.GIVEN);
    ConsentEvent confirmed = events.get(1);
    assertThat(confirmed.consentId()).isEqualTo(events.get(0).consentId());
    assertThat(confirmed.method()).isEqualTo("email");
    assertThat(confirmed.evidence()).startsWith("confirmation:");
    assertThat(confirmed.source()).isEqualTo("confirmation");
    assertThat(
            node.node()
                .consent()
                .receipts()
                .verify(node.node().consent().ledger().receipt(SYSTEM, confirmed.id())))
        .isTrue();
    Decision allowed = decision(ada);
    assertThat(allowed.outcome() + " " + allowed.reason()).isEqualTo("allow allowed");

    browser.get(path + "&lang=en");
    HttpResponse<String> again = browser.post("/consent/confirm", "token", token);
    assertThat(again.body()).contains("already confirmed");
    assertThat(history(ada)).hasSize(2);
  }

  @Test
  void forgedToken_isRefused_andChangesNothing() {
    String email = unique("bo");
    UUID bo = subscribe(email);
    String link = linkTo(email);
    String token = link.substring(link.indexOf("token=") + "token=".length());
    String forged = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
    PageClient browser = new PageClient(node);
    HttpResponse<String> shown = browser.get("/consent/confirm?lang=en&token=" + forged);
    assertThat(shown.statusCode()).isEqualTo(404);
    assertThat(shown.body()).contains("not valid").doesNotContain("Yes, I confirm");
    browser.get("/consent/confirm?lang=en&token=" + token);
    HttpResponse<String> answer = browser.post("/consent/confirm", "token", forged);
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).contains("not valid");
    // Another confirmation's id under this signature is forged too.
    String swapped = UUID.randomUUID() + token.substring(token.indexOf('.'));
    assertThat(browser.post("/consent/confirm", "token", swapped).statusCode()).isEqualTo(404);
    assertThat(history(bo))
        .extracting(ConsentEvent::kind)
        .containsExactly(ConsentEvent.Kind.PENDING);
    assertThat(decision(bo).reason()).isEqualTo("no_consent");
  }

  @Test
  void expiredLink_confirmsNothing() {
    String email = unique("cy");
    UUID cy = subscribe(email);
    String link = linkTo(email);
    String token = link.substring(link.indexOf("token=") + "token=".length());
    DoubleOptIn later =
        new DoubleOptIn(
            node.node().database().jdbi(),
            node.node().consent().ledger(),
            node.node().outbox(),
            node.node().vault().index(),
            PublicUrl.of("http://127.0.0.1:" + node.node().port()),
            node.node().policies(),
            Clock.fixed(Instant.now().plus(DoubleOptIn.LIFETIME).plusSeconds(60), ZoneOffset.UTC));
    assertThat(later.status(token)).isEqualTo(DoubleOptIn.Status.EXPIRED);
    assertThat(later.confirm(token)).isEqualTo(DoubleOptIn.Status.EXPIRED);
    assertThat(history(cy))
        .extracting(ConsentEvent::kind)
        .containsExactly(ConsentEvent.Kind.PENDING);
  }

  private static UUID subscribe(String email) {
    HttpResponse<String> answer =
        node.json(
            "POST",
            "/api/v1/collect/newsletter",
            null,
            "{\"email\":\"" + email + "\",\"opt_in\":true}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return ((IdentityMatch.Found)
            node.node().vault().vault().findByIdentity(SYSTEM, Identity.email(email)))
        .subjectId();
  }

  private static List<ConsentEvent> history(UUID subject) {
    return node.node().consent().ledger().history(SYSTEM, Party.subject(subject));
  }

  private static Decision decision(UUID subject) {
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
                null));
  }

  private static String linkTo(String email) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (MimeMessage message : smtp.getReceivedMessages()) {
        try {
          if (email.equals(message.getHeader("To", null))
              && message.getContent() instanceof String text) {
            Matcher link = LINK.matcher(text);
            if (link.find()) {
              return link.group(1);
            }
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
    throw new AssertionError("no confirmation letter mailed to " + email);
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
