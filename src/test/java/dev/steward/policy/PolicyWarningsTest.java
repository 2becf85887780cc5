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

  @Test
  void check_marketingObjectionNeedingDocuments_warnsWithArticle21() {
    String yaml =
        minimal()
            .replace(
                "    subject_types: [customers]\n",
                "    subject_types: [customers]\n" + "    direct_marketing: true\n")
            .replace(
                "      - {type: access, verification: possession, exercise: [email]}\n",
                "      - {type: access, verification: possession, exercise: [email]}\n"
                    + "      - {type: objection, verification: documents, exercise: [email]}\n");

    CheckReport report = check(yaml);

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings())
        .extracting(Problem::format)
        .containsExactly(
            "policy.yaml:39:41: warning: an objection to direct marketing under 'gdpr' needs documents before it is acted on (hint: GDPR Art. 21(3): stop the marketing without a check; add 'direct_marketing: {verification: none, exercise: [unsubscribe_link, email]}' to the objection right)");
  }

  @Test
  void check_marketingObjectionWithoutCheck_hasNoWarning() {
    String yaml =
        minimal()
            .replace(
                "    subject_types: [customers]\n",
                "    subject_types: [customers]\n" + "    direct_marketing: true\n")
            .replace(
                "      - {type: access, verification: possession, exercise: [email]}\n",
                "      - {type: access, verification: possession, exercise: [email]}\n"
                    + "      - type: objection\n"
                    + "        verification: documents\n"
                    + "        exercise: [email]\n"
                    + "        direct_marketing: {verification: none, exercise: [unsubscribe_link]}\n");

    assertThat(check(yaml).problems()).isEmpty();
  }

  @Test
  void check_noDisclosurePromiseWithThirdPartyRecipients_warnsNamingThem() {
    String yaml =
        minimal()
                .replace(
                    "    rights:\n", "    commitments: [no_third_party_disclosure]\n    rights:\n")
            + "recipients:\n"
            + "  - {id: adviser, name: Tax adviser, kind: third_party, categories: [contact]}\n";

    CheckReport report = check(yaml);

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings())
        .extracting(Problem::format)
        .containsExactly(
            "policy.yaml:36:19: warning: jurisdiction 'gdpr' promises no disclosure to third parties, but the policy names third-party recipients: adviser (hint: say whether these recipients get data of people under this law, or narrow the promise)");
  }
}
