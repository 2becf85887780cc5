package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.principal.Principal;
import dev.steward.vault.Identity;
import dev.steward.vault.NewRecord;
import dev.steward.vault.NewSubject;
import dev.steward.vault.Provenance;
import dev.steward.vault.ReturningPerson;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The breach register in the console: a DPO's day with an incident, from recording it to the
 * letters sent, in English, and the register and a draft in Simplified Chinese.
 */
class BreachBrowserIT extends BrowserTestBase {
  private static final Principal TEST = new Principal.System("test");

  private void button(String name) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true))
        .click();
  }

  @Test
  void anIncident_isRecordedCountedDecidedAndItsPeopleWrittenTo_withItsClocksShown() {
    String email = "mei-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
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
                    "contact.email",
                    new Provenance(
                        "the-person",
                        "china-storage",
                        Set.of("relationship-admin"),
                        "dpv:Contract",
                        Instant.now().minus(Duration.ofDays(2)),
                        null),
                    email)));
    String title = "Open bucket " + UUID.randomUUID().toString().substring(0, 6);
    Instant aware = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);

    signInToConsole();
    open("/console/breaches?lang=en");
    assertThat(mainText()).contains("Breach register");
    assertAccessible();
    // A time that is not one keeps the form, says so, and records nothing.
    page.getByLabel("Title").fill(title);
    page.getByLabel("What happened").fill("A storage bucket was readable by anyone.");
    page.getByLabel("Company became aware (UTC)").fill("yesterday");
    page.getByLabel("Systems affected").selectOption("china-storage");
    page.getByLabel("Categories of data affected").selectOption("contact");
    button("Record");
    assertThat(page.locator(".field-error").count()).isPositive();
    assertThat(mainText()).doesNotContain("Told in time");
    assertAccessible();

    page.getByLabel("Title").fill(title);
    page.getByLabel("What happened").fill("A storage bucket was readable by anyone.");
    page.getByLabel("Company became aware (UTC)").fill(aware.toString());
    page.getByLabel("Systems affected").selectOption("china-storage");
    page.getByLabel("Categories of data affected").selectOption("contact");
    page.getByLabel("Likely consequences").fill("Unwanted email.");
    page.getByLabel("Measures taken or proposed").fill("The bucket was closed.");
    page.getByLabel("Risk level").selectOption("high");
    button("Record");
    assertThat(page.locator("h1").innerText()).isEqualTo(title);
    // The GDPR regulator's 72 hours, 70 left.
    String clocks = page.locator("table.clocks").innerText();
    assertThat(clocks).contains("Regulator").contains("2 d 21 h left").contains("Open");
    assertAccessible();

    // A change of the facts keeps its reason in the timeline.
    page.getByLabel("Measures taken or proposed")
        .fill("The bucket was closed and its keys rotated.");
    page.getByLabel("Why the facts change").fill("The keys were rotated this morning.");
    button("Save the change");
    assertThat(page.locator("dl.summary").innerText()).contains("its keys rotated");
    assertThat(page.locator("table.timeline").innerText())
        .contains("The keys were rotated this morning.");

    button("Count in the vault");
    assertThat(page.locator("#affected").innerText()).isEqualTo("1");
    page.getByLabel("Notify the regulator").check();
    page.getByLabel("Notify the people affected").check();
    page.getByLabel("Reasoning").fill("Contact details were exposed.");
    button("Record the decision");
    page.getByLabel("Language of the letters").selectOption("en");
    button("Send the letters");
    assertThat(mainText())
        .contains("Letters sent: 1; already written to: 0; without an address: 0.");
    assertThat(page.locator("table.letters").innerText()).contains(subject.toString());
    assertThat(page.locator("table.timeline").innerText())
        .contains("recorded")
        .contains("affected-counted")
        .contains("decided")
        .contains("letters-sent");
    assertAccessible();
    assertThat(awaitLetter(email, "Important: an incident")).contains("What happened");

    page.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Notification to the regulator (English)"))
        .click();
    assertThat(page.locator("pre.draft").innerText())
        .contains("(a) The nature of the breach")
        .contains("(d) The measures taken");
    assertAccessible();
    assertOnlyOwnOrigin();

    open("/console/breaches?lang=zh-CN");
    assertThat(page.locator("h1").innerText()).isEqualTo("数据泄露登记簿");
    assertThat(mainText()).contains(title).contains("剩余");
    assertAccessible();
  }
}
