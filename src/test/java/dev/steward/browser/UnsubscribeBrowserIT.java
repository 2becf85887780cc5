package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import dev.steward.consent.Party;
import dev.steward.decision.DecisionQuery;
import dev.steward.marketing.MarketingMail;
import dev.steward.principal.Principal;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The unsubscribe link of a marketing mail in a real browser: opening it changes nothing, the
 * button unsubscribes from that topic, and the preferences page's switches show it and change
 * channels and topics; both in English and Chinese, accessible.
 */
class UnsubscribeBrowserIT extends BrowserTestBase {
  private static final Principal SYSTEM = new Principal.System("test");

  @Override
  protected StewardConfig configure(StewardConfig config) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      Files.createDirectories(
          config.keysDir(),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.writeString(
          config.keysDir().resolve("dkim-browser.pem"),
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder()
                  .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return TestNodes.withPolicy(config, Path.of("src/test/resources/policy/marketing.yaml"));
  }

  private String eventsDecision(UUID subject, String channel) {
    return node.decisions()
        .decide(
            SYSTEM,
            new DecisionQuery(
                "crm",
                Party.subject(subject),
                "marketing",
                List.of("contact.email"),
                channel,
                "events",
                null))
        .reason();
  }

  @Test
  void unsubscribeLink_asksFirst_thenStopsTheTopic_andPreferencesTogglesChangeChannels()
      throws Exception {
    String email = "eve-" + UUID.randomUUID() + "@example.org";
    assertThat(
            post(
                    "/api/v1/collect/newsletter-signup",
                    "{\"email\":\"" + email + "\",\"agree\":true}")
                .statusCode())
        .isEqualTo(201);
    UUID subject =
        ((IdentityMatch.Found) node.vault().vault().findByIdentity(SYSTEM, Identity.email(email)))
            .subjectId();
    MarketingMail.Result sent =
        node.marketing()
            .mail()
            .send(
                SYSTEM,
                new MarketingMail.Mailing(
                    "crm",
                    "marketing",
                    "events",
                    null,
                    "en",
                    "Autumn events",
                    "Join us.",
                    null,
                    List.of(email)));
    assertThat(sent.queued()).isEqualTo(1);
    String letter = decoded(awaitLetter(email, "Autumn events"));
    String link = find(letter, "Unsubscribe: (http\\S+/unsubscribe/[A-Za-z0-9_.-]+)");

    page.navigate(link + "?lang=en");
    assertThat(mainText())
        .contains("Event invitations")
        .contains("Opening this page changed nothing");
    assertThat(eventsDecision(subject, "email")).as("a GET changes nothing").isEqualTo("allowed");
    assertAccessible();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unsubscribe")).click();
    assertThat(mainText()).contains("You are unsubscribed").contains("Event invitations");
    assertAccessible();
    assertThat(eventsDecision(subject, "email")).isEqualTo("unsubscribed");
    assertThat(eventsDecision(subject, "post")).isEqualTo("allowed");

    page.navigate(link + "/done?lang=zh-CN");
    assertThat(mainText()).contains("您已退订");
    page.navigate(link.replace("/unsubscribe/", "/unsubscribe/x") + "?lang=en");
    assertThat(mainText()).contains("This unsubscribe link is not valid");

    // The preferences page, signed in by a code sent to the same address.
    open("/preferences?lang=en");
    page.getByLabel("Email address").fill(email);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a code")).click();
    String signIn = awaitLetter(email, "sign-in code");
    page.getByLabel("Code").fill(find(signIn, "(?m)^\\s+(\\d{4,10})\\s*$"));
    page.getByRole(AriaRole.BUTTON)
        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("See"))
        .first()
        .click();
    page.navigate(origin + "/preferences?lang=en");
    String prefs = mainText();
    assertThat(prefs)
        .contains("Marketing subscriptions")
        .contains("Event invitations: unsubscribed");
    assertThat(prefs).contains("Email: subscribed").contains("Post: subscribed");
    assertAccessible();

    page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Post")).click();
    assertThat(mainText()).contains("Post: unsubscribed");
    assertThat(eventsDecision(subject, "post")).isEqualTo("unsubscribed");
    page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Event invitations"))
        .click();
    assertThat(mainText()).contains("Event invitations: subscribed");
    assertThat(eventsDecision(subject, "email")).isEqualTo("allowed");
    page.navigate(origin + "/preferences?lang=zh-CN");
    assertThat(mainText()).contains("营销订阅").contains("已退订");
    // Topic names as the policy file translates them; no English sentence left on the page.
    assertThat(mainText()).contains("活动邀请").contains("产品资讯").doesNotContain("Event invitations");
    assertNoEnglishSentence();
    assertAccessible();

    page.navigate(link + "?lang=zh-CN");
    assertThat(mainText()).contains("活动邀请").contains("向客户介绍类似产品");
    assertNoEnglishSentence();
  }
}
