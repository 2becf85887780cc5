package dev.steward.center;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.steward.app.PageClient;
import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.Party;
import dev.steward.decision.Decision;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The preferences page over plain HTTP: sign-in by the emailed code, the consent history, one-click
 * withdrawal that the next decision follows, and receipts only for the person's own events.
 */
class PreferencesPagesTest {
  private static final Principal SYSTEM = new Principal.System("test");
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
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
            Path.of("src/test/resources/policy/decisions.yaml"));
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
  void signedInPerson_seesTheirConsent_withdrawsItInOneClick_andTheNextDecisionDenies() {
    String email = unique("ada");
    UUID ada = subscribe(email);
    UUID other = subscribe(unique("bo"));
    PageClient browser = new PageClient(node);

    signIn(browser, email);
    HttpResponse<String> page = browser.get("/preferences?lang=en");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body())
        .contains("Consent for: newsletter")
        .contains("Given")
        .contains("In force")
        .contains("Withdraw this consent")
        .contains("Sale and sharing of your personal information: allowed.");
    assertThat(newsletterDecision(ada).allowed()).isTrue();

    ConsentEvent given = history(ada).get(0);
    HttpResponse<String> receipt = browser.get("/preferences/receipts/" + given.id());
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.body()).contains("\"signature\"").contains(given.id().toString());
    HttpResponse<String> othersReceipt =
        browser.get("/preferences/receipts/" + history(other).get(0).id());
    assertThat(othersReceipt.statusCode()).isEqualTo(404);
    assertThat(othersReceipt.body()).doesNotContain("\"signature\"");

    String consentId = given.consentId().toString();
    HttpResponse<String> forged =
        browser.post("/preferences/withdraw", "csrf", "", "consent", consentId);
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(history(ada)).hasSize(1);
    assertThat(newsletterDecision(ada).allowed()).isTrue();

    browser.get("/preferences?lang=en");
    String done = PageClient.location(browser.post("/preferences/withdraw", "consent", consentId));
    assertThat(done).isEqualTo("/preferences?done=1");

    Decision next = newsletterDecision(ada);
    assertThat(next.allowed()).isFalse();
    assertThat(next.reason()).isEqualTo("no_consent");
    assertThat(history(ada))
        .extracting(ConsentEvent::kind)
        .containsExactly(ConsentEvent.Kind.GIVEN, ConsentEvent.Kind.WITHDRAWN);
    assertThat(browser.get(done).body())
        .contains("Your consent is withdrawn")
        .contains("Withdrawn")
        .contains("Not in force")
        .doesNotContain("Withdraw this consent");
    assertThat(browser.get("/preferences?lang=zh-CN").body()).contains("您的同意与偏好").contains("已撤回");
    assertThat(newsletterDecision(other).allowed()).isTrue();
  }

  @Test
  void preferences_withoutASession_sendsToSignIn_andBackAfterTheCode() {
    PageClient browser = new PageClient(node);
    assertThat(PageClient.location(browser.get("/preferences")))
        .isEqualTo("/status?then=preferences");
    assertThat(browser.get("/status?then=preferences").body())
        .contains("name=\"then\" value=\"preferences\"");
    assertThat(PageClient.location(browser.post("/preferences/withdraw", "consent", "x")))
        .isEqualTo("/status?then=preferences");
  }

  private static void signIn(PageClient browser, String email) {
    String start = PageClient.location(browser.get("/preferences"));
    browser.get(start + "&lang=en");
    String codePage =
        PageClient.location(browser.post("/status", "email", email, "then", "preferences"));
    assertThat(codePage).endsWith("&then=preferences");
    browser.get(codePage);
    String challenge = codePage.replaceAll(".*challenge=([^&]+).*", "$1");
    String back =
        PageClient.location(
            browser.post(
                "/status/code",
                "challenge",
                challenge,
                "code",
                codeTo(email),
                "then",
                "preferences"));
    assertThat(back).isEqualTo("/preferences");
  }

  private static UUID subscribe(String email) {
    HttpResponse<String> answer =
        node.json(
            "POST",
            "/api/v1/collect/newsletter-signup",
            null,
            "{\"email\":\"" + email + "\",\"agree\":true}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return ((IdentityMatch.Found)
            node.node().vault().vault().findByIdentity(SYSTEM, Identity.email(email)))
        .subjectId();
  }

  private static List<ConsentEvent> history(UUID subject) {
    return node.node().consent().ledger().history(SYSTEM, Party.subject(subject));
  }

  private static Decision newsletterDecision(UUID subject) {
    return node.node()
        .decisions()
        .decide(
            SYSTEM,
            new DecisionQuery(
                "crm", Party.subject(subject), "newsletter", List.of("contact.email"), null, null));
  }

  private static String codeTo(String email) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (MimeMessage message : smtp.getReceivedMessages()) {
        try {
          if (email.equals(message.getHeader("To", null))
              && message.getContent() instanceof String text) {
            Matcher code = CODE.matcher(text);
            if (code.find()) {
              return code.group(1);
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
    throw new AssertionError("no sign-in code mailed to " + email);
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
