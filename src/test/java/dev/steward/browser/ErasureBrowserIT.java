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
import dev.steward.vault.Vault;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A UK GDPR erasure that needs proof of identity and address: the person uploads it on the privacy
 * center's page, staff read and approve it in the console and start the erasure, and the letter
 * that closes the request says what was kept and under which exemption (GDPR Art. 17(3)(b)).
 */
class ErasureBrowserIT extends BrowserTestBase {
  private static final Principal SETUP = new Principal.System("test");

  @Test
  void erasureWithDocuments_isApprovedAndCompleted_andTheLetterListsWhatWasKeptAndWhy()
      throws Exception {
    String email = "erase-" + System.nanoTime() + "@example.co.uk";
    String inquiry = "inquiry-" + UUID.randomUUID();
    String kyc = "passport-checked-" + UUID.randomUUID();
    UUID subject = personWithRecords(email, inquiry, kyc);

    HttpResponse<String> submitted =
        post(
            "/api/v1/public/requests",
            "{\"type\":\"erasure\",\"residence\":\"GB\",\"identity\":{\"email\":\""
                + email
                + "\"}}");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String reference = find(submitted.body(), "\"reference\"\\s*:\\s*\"([^\"]+)\"");
    String token =
        find(decoded(awaitLetter(email, "What we need to verify")), "access key:\\s+(\\S+)");

    // The person uploads both proofs on the privacy center's page, never by email.
    for (String kind : List.of("identity", "address")) {
      Path proof = Files.createTempFile("proof-" + kind, ".pdf");
      Files.write(
          proof, ("%PDF-1.7 " + kind + " " + reference).getBytes(StandardCharsets.US_ASCII));
      open("/verify/documents?lang=en&reference=" + reference);
      page.getByLabel("Reference").fill(reference);
      page.getByLabel("Access key").fill(token);
      page.getByLabel("What does this document show?").selectOption(kind);
      page.getByLabel("Document", new Page.GetByLabelOptions().setExact(true)).setInputFiles(proof);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
      assertThat(mainText()).contains("Thank you, we have the document.");
    }
    assertAccessible();
    assertOnlyOwnOrigin();

    signInToConsole();
    open("/console/requests?lang=en");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
    String link =
        page.getByRole(
                AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Open the document").setExact(false))
            .first()
            .getAttribute("href");
    assertThat(new String(context.request().get(origin + link).body(), StandardCharsets.US_ASCII))
        .startsWith("%PDF-1.7 ")
        .endsWith(reference);
    for (int i = 0; i < 2; i++) {
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))
          .first()
          .click();
      assertThat(mainText()).contains("The document was reviewed.");
    }
    assertThat(page.locator("dl.summary strong").first().innerText()).isEqualTo("Verified");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start work")).click();
    assertThat(mainText()).contains("Work started.");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!page.locator("dl.summary strong").first().innerText().equals("Completed")) {
      assertThat(System.nanoTime()).as("completed within 60 s").isLessThan(deadline);
      page.waitForTimeout(500);
      page.reload();
    }

    // The know-your-customer record serves a legal obligation, so the erasure keeps it under the
    // policy's legal-obligation exemption and the letter says so; the inquiry is gone.
    String letter = decoded(awaitLetter(email, "is complete"));
    assertThat(letter)
        .contains("Kept under an exemption:")
        .contains("compliance.kyc (")
        .contains("kept under exemption legal-obligation until ")
        .doesNotContain("service.inquiry (")
        .doesNotContain(inquiry)
        .doesNotContain(kyc);
    assertThat(node.vault().vault().readKept(SETUP, subject, "legal-compliance"))
        .extracting(k -> k.record().category())
        .containsExactly("compliance.kyc");
  }

  private UUID personWithRecords(String email, String inquiry, String kyc) {
    Vault vault = node.vault().vault();
    UUID subject =
        vault.createSubject(
            SETUP,
            NewSubject.of("customer-contacts", List.of(Identity.email(email))),
            ReturningPerson.REFUSE);
    Instant now = Instant.now();
    vault.addRecords(
        SETUP,
        List.of(
            new NewRecord(
                subject,
                "service.inquiry",
                new Provenance(
                    "the-person", "email-im", Set.of("inquiries"), "dpv:Contract", now, null),
                inquiry),
            new NewRecord(
                subject,
                "compliance.kyc",
                new Provenance(
                    "the-person",
                    "email-im",
                    Set.of("legal-compliance"),
                    "dpv:LegalObligation",
                    now,
                    null),
                kyc)));
    return subject;
  }
}
