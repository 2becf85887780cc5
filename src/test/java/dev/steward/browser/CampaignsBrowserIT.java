package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicyPublishing;
import dev.steward.policy.PolicySnapshot;
import dev.steward.principal.Principal;
import dev.steward.vault.Identity;
import dev.steward.vault.NewRecord;
import dev.steward.vault.NewSubject;
import dev.steward.vault.Provenance;
import dev.steward.vault.ReturningPerson;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A privacy team announces a significant policy change from the console, and the person hears. */
class CampaignsBrowserIT extends BrowserTestBase {
  private static final Principal SETUP = new Principal.System("test");

  @Test
  void aSignificantChange_isOfferedOnItsPage_andStartingItWritesToThePerson() throws Exception {
    String email = "lin-" + System.nanoTime() + "@example.test";
    Vault vault = node.vault().vault();
    UUID subject =
        vault.createSubject(
            SETUP,
            new NewSubject(
                "customer-contacts",
                LocalDate.parse("2024-01-01"),
                null,
                null,
                null,
                List.of(Identity.email(email))),
            ReturningPerson.REFUSE);
    vault.addRecords(
        SETUP,
        List.of(
            new NewRecord(
                subject,
                "contact.email",
                new Provenance(
                    "customers",
                    "email-im",
                    Set.of("inquiries"),
                    "dpv:Contract",
                    Instant.now(),
                    null),
                email)));
    String version = "2099-02-campaign";
    new PolicyPublishing(node.policies(), new PolicyChecker(Clock.systemUTC()))
        .publish(
            PolicySnapshot.ofText(
                "policy.yaml",
                PolicyChecker.bundledText()
                    .replace("version: \"2019-10\"", "version: \"" + version + "\"")
                    .replace(
                        "categories: [identification.name, contact.email, marketing.mailing_list,"
                            + " device.email_open]",
                        "categories: [identification.name, identification.job_title,"
                            + " contact.email, marketing.mailing_list, device.email_open]")),
            SETUP,
            false);

    signInToConsole();
    open("/console/policy?lang=en");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Policy change notices"))
        .click();
    assertThat(mainText()).contains("Changes not yet announced").contains(version);
    assertAccessible();
    open("/console/campaigns?lang=zh-CN");
    assertThat(mainText()).contains("尚未通知的变更");
    assertAccessible();

    open("/console/campaigns?lang=en");
    page.getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Tell people of version " + version))
        .click();
    assertThat(mainText())
        .contains("The campaign has started")
        .contains("Every significant change has been announced.");
    assertAccessible();

    String letter = decoded(awaitLetter(email, "Our privacy notice changes"));
    assertThat(letter).contains(origin + "/privacy/" + version).contains("隐私中心");
    open("/console/campaigns?lang=en");
    assertThat(page.locator("table").last().innerText()).contains(version).contains("1");
  }
}
