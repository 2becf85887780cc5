package dev.steward.console;

import dev.steward.error.InvalidInputException;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.Purpose;
import dev.steward.principal.Permission;
import dev.steward.vault.Disclosure;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityMatch;
import dev.steward.vault.IdentityType;
import dev.steward.vault.LinkCandidates;
import dev.steward.vault.RecordValue;
import dev.steward.vault.Vault;
import dev.steward.web.Access;
import dev.steward.web.FormErrors;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.RouteRegistry;
import java.util.List;
import java.util.UUID;

/**
 * Looking a person up by an identity, with the purpose of the look-up: the vault reads their
 * records for that purpose only and audits it ({@code subject.read}), as {@code GET
 * /api/v1/subjects/{id}/records?purpose=} does. The identity is posted, never put in an address, so
 * it stays out of logs and history; the answer is shown on the page that the post returns.
 */
public final class SubjectPages {
  static final String PATH = "/console/subjects";
  private static final Access READ = Access.requires(Permission.SUBJECT_READ);
  private static final List<String> TYPES =
      List.of(
          IdentityType.EMAIL.id(),
          IdentityType.PHONE.id(),
          IdentityType.CUSTOMER_ACCOUNT.id(),
          IdentityType.NAME.id(),
          IdentityType.POSTAL_ADDRESS.id(),
          IdentityType.IP_ADDRESS.id(),
          IdentityType.DEVICE_ID.id());
  private static final int CANDIDATES = 100;

  private final Vault vault;
  private final PublishedPolicies policies;
  private final dev.steward.consent.ConsentLedger ledger;

  public SubjectPages(
      Vault vault, PublishedPolicies policies, dev.steward.consent.ConsentLedger ledger) {
    this.vault = vault;
    this.policies = policies;
    this.ledger = ledger;
  }

  public void addTo(RouteRegistry registry) {
    registry.addPage(
        PageRoute.get(
            PATH,
            READ,
            page ->
                page.render(
                    "console/subjects.jte", form(page, Found.nothing(), FormErrors.none()))));
    registry.addPage(PageRoute.post(PATH, READ, this::lookUp));
  }

  private void lookUp(PageCall page) {
    String purpose = page.form("purpose");
    try {
      if (purpose.isEmpty()) {
        throw new InvalidInputException(
            "say why you look the person up",
            List.of(new InvalidInputException.FieldProblem("purpose", "required")));
      }
      Identity identity = new Identity(IdentityType.of(page.form("type")), page.form("value"));
      IdentityMatch match = vault.findByIdentity(page.caller(), identity);
      Found found = Found.none();
      if (match instanceof IdentityMatch.Found subject) {
        found =
            new Found(
                "found",
                subject.subjectId(),
                vault.readRecords(page.caller(), subject.subjectId(), purpose),
                vault.disclosures().ofSubject(page.caller(), subject.subjectId()),
                List.of());
      } else if (match instanceof IdentityMatch.Several several) {
        found = new Found("several", null, List.of(), List.of(), several.subjectIds());
      } else if (match instanceof IdentityMatch.Erased erased) {
        found = new Found("erased", erased.formerSubjectId(), List.of(), List.of(), List.of());
      }
      page.render("console/subjects.jte", form(page, found, FormErrors.none()));
    } catch (InvalidInputException e) {
      page.render(
          400,
          "console/subjects.jte",
          form(page, Found.nothing(), FormErrors.from(e, page.text(), "console.subjects")));
    }
  }

  private Lookup form(PageCall page, Found found, FormErrors errors) {
    return new Lookup(
        ConsoleNav.of(page.caller(), "subjects"),
        TYPES,
        policies.current().policy().purposes().stream().map(Purpose::id).sorted().toList(),
        page.form("type"),
        page.form("purpose"),
        found,
        vault.linkCandidates().list(page.caller(), LinkCandidates.Status.OPEN, CANDIDATES),
        errors,
        "found".equals(found.result())
            ? ledger.history(page.caller(), dev.steward.consent.Party.subject(found.subjectId()))
            : List.of());
  }

  /**
   * @param type the identity type chosen, kept for the next look-up; never the value
   * @param purpose the purpose chosen, kept likewise
   * @param consentHistory the consent ledger's events of the subject found, oldest first
   */
  public record Lookup(
      ConsoleNav nav,
      List<String> types,
      List<String> purposes,
      String type,
      String purpose,
      Found found,
      List<LinkCandidates.Candidate> candidates,
      FormErrors errors,
      List<dev.steward.consent.ConsentEvent> consentHistory) {}

  /**
   * What the look-up found.
   *
   * @param result {@code found}, {@code several}, {@code erased}, {@code none}, or empty before any
   * @param subjectId the subject found, or the erased one
   * @param several the subjects that share a name or address, which identifies none of them
   */
  public record Found(
      String result,
      UUID subjectId,
      List<RecordValue> records,
      List<Disclosure> disclosures,
      List<UUID> several) {
    static Found nothing() {
      return new Found("", null, List.of(), List.of(), List.of());
    }

    static Found none() {
      return new Found("none", null, List.of(), List.of(), List.of());
    }
  }
}
