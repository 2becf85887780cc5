package dev.steward.policy;

import static dev.steward.policy.Fixtures.check;
import static dev.steward.policy.Fixtures.checkMinimalWith;
import static dev.steward.policy.Fixtures.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Practices that are questionable, not invalid: the policy loads, with a located warning. */
class PolicyWarningsTest {

  @Test
  void check_documentsForEveryGdprRequest_warnsWithEdpbGuidance() {
    CheckReport report = checkMinimalWith("verification: possession", "verification: documents");

    assertThat(report.policy()).isPresent();
    assertThat(report.warnings())
        .extracting(Problem::format)
        .containsExactly(
            "policy.yaml:37:38: warning: every request under 'gdpr' requires identity documents, a"
                + " blanket requirement (hint: EDPB Guidelines 01/2022: ask for documents only"
                + " where there is reasonable doubt; possession of the email or account is usually"
                + " enough)");
  }

  @Test
  void check_piplTransferConsentImpliedByUse_warnsWithArticle39() {
    String pipl =
        "  - id: pipl\n    name: China\n    law: pipl\n    zone: Asia/Shanghai\n"
            + "    calendar: ie\n    controller: acme\n    contact: privacy\n"
            + "    deadline: {count: business_days, amount: 15}\n"
            + "    rights: [{type: erasure, verification: possession, exercise: [email]}]\n"
            + "    consents:\n"
            + "      - {id: transfer, scope: cross_border_transfer, form: implied_by_use}\n";
    // Both jurisdictions count on one calendar, each in its own zone: the calendar declares none.
    String yaml =
        minimal()
            .replace("calendars:\n", pipl + "calendars:\n")
            .replace(
                "{id: ie, source: jollyday, zone: Europe/Dublin,", "{id: ie, source: jollyday,");

    CheckReport report = check(yaml);

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings())
        .extracting(Problem::format)
        .containsExactly(
            "policy.yaml:48:60: warning: PIPL consent 'transfer' to cross border transfer is"
                + " implied by use, not separate (hint: PIPL Art. 39 asks for the person's separate"
                + " consent)");
  }

  @Test
  void check_unstatedValue_warnsAtTheValue() {
    CheckReport report = checkMinimalWith("    country: IE\n", "    country: unstated\n");

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings())
        .extracting(Problem::format)
        .containsExactly(
            "policy.yaml:8:14: warning: 'country' is unstated (hint: the company's documents do not"
                + " say; state it once it is known)");
  }

  @Test
  void check_ukTransferOnEuClausesAlone_warns() {
    CheckReport report =
        check(
            minimal() + "transfers:\n  - {id: uk-us, from: GB, to: [US], mechanisms: [eu_scc]}\n");

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings())
        .extracting(Problem::message)
        .containsExactly("transfer 'uk-us' leaves the UK on EU standard contractual clauses alone");
  }
}
