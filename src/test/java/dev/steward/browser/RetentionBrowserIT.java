package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.principal.Principal;
import dev.steward.vault.Identity;
import dev.steward.vault.NewRecord;
import dev.steward.vault.NewSubject;
import dev.steward.vault.Provenance;
import dev.steward.vault.ReturningPerson;
import dev.steward.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The console's retention pages in a real browser: the next run's counts, a legal hold placed and
 * shown as the reason an item is kept, a run and its certificate downloaded and checked.
 */
class RetentionBrowserIT extends BrowserTestBase {
  private static final Principal SETUP = new Principal.System("test");

  @Test
  void aHoldKeepsAPerson_theRunDeletesTheRest_andItsCertificateVerifies() throws Exception {
    UUID kept = formerCustomer("kept-" + System.nanoTime() + "@example.test");
    UUID gone = formerCustomer("gone-" + System.nanoTime() + "@example.test");
    signInToConsole();

    open("/console/retention?lang=en");
    assertThat(page.locator("h1").innerText()).isEqualTo("Retention rules");
    assertThat(mainText()).contains("relationship-plus-six-years").contains("vault 4");
    assertAccessible();

    open("/console/retention/holds?lang=en");
    page.getByLabel("Scope").selectOption("subject");
    page.getByLabel("Subject, category, system or case").fill(kept.toString());
    page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true))
        .fill("Litigation hold 2025-17");
    page.getByLabel("Owner").fill("Legal team");
    page.getByLabel("Review on").fill(LocalDate.now().plusMonths(6).toString());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place a legal hold"))
        .click();
    assertThat(mainText()).contains("The legal hold was placed.").contains("Litigation hold");
    assertAccessible();

    open("/console/retention?lang=en");
    assertThat(mainText()).contains("Kept by legal holds").contains("Litigation hold 2025-17");

    open("/console/retention/runs?lang=en");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run now")).click();
    assertThat(mainText()).contains("Finished");
    assertAccessible();
    assertThat(node.vault().vault().readRecords(SETUP, kept, "relationship-admin")).hasSize(1);
    long tombstones =
        node.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from vault_tombstone where subject_id = :s")
                        .bind("s", gone)
                        .mapTo(Long.class)
                        .one());
    assertThat(tombstones).isEqualTo(1L);

    Download download =
        page.waitForDownload(
            () ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download"))
                    .first()
                    .click());
    String certificate = Files.readString(download.path(), StandardCharsets.UTF_8);
    assertThat(certificate).contains(gone.toString()).doesNotContain("@example.test");

    open("/console/retention/runs?lang=zh-CN");
    page.getByLabel("粘贴证书").fill(certificate);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("核验证书")).click();
    assertThat(mainText()).contains("证书完整");
    assertAccessible();
    page.getByLabel("粘贴证书")
        .fill(certificate.replace(gone.toString(), UUID.randomUUID().toString()));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("核验证书")).click();
    assertThat(mainText()).contains("证书核验未通过");

    open("/console/retention/holds?lang=zh-CN");
    assertThat(page.locator("h1").innerText()).isEqualTo("法律保全");
    assertAccessible();
    page.getByLabel("解除原因").fill("已结案");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("解除")).click();
    assertThat(mainText()).contains("法律保全已解除。");
    open("/console/retention?lang=zh-CN");
    assertThat(page.locator("h1").innerText()).isEqualTo("保留规则");
    assertThat(mainText()).contains("没有法律保全保留下次运行将删除的内容。");
    assertAccessible();
    assertOnlyOwnOrigin();
  }

  /** A customer whose relationship ended ten years ago, with one record. */
  private UUID formerCustomer(String email) {
    Vault vault = node.vault().vault();
    UUID subject =
        vault.createSubject(
            SETUP,
            new NewSubject(
                "customer-contacts",
                null,
                LocalDate.now().minusYears(10),
                null,
                null,
                List.of(Identity.email(email))),
            ReturningPerson.REFUSE);
    Provenance provenance =
        new Provenance(
            "the-person",
            "email-im",
            Set.of("relationship-admin"),
            "dpv:Contract",
            Instant.now(),
            null);
    vault.addRecords(SETUP, List.of(new NewRecord(subject, "contact.email", provenance, email)));
    return subject;
  }
}
