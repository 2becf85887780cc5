package dev.steward.policy;

import static dev.steward.policy.Fixtures.check;
import static dev.steward.policy.Fixtures.checkMinimalWith;
import static dev.steward.policy.Fixtures.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The policy's consent settings: double opt-in per purpose, parental-consent ages per country. */
class ConsentPolicyTest {

  @Test
  void doubleOptIn_onAConsentPurpose_isRead() {
    CheckReport report =
        check(
            minimal()
                .replace("legal_bases: [dpv:Contract]", "legal_bases: [dpv:Consent]")
                .replace(
                    "    subject_types: [customers]\n",
                    "    subject_types: [customers]\n    withdrawal: [email]\n"
                        + "    double_opt_in: true\n"));
    assertThat(report.errors()).isEmpty();
    assertThat(report.policy().orElseThrow().purpose("service").orElseThrow().doubleOptIn())
        .isTrue();
  }

  @Test
  void doubleOptIn_absent_isOff() {
    assertThat(check(minimal()).policy().orElseThrow().purpose("service").orElseThrow())
        .extracting(Purpose::doubleOptIn)
        .isEqualTo(false);
  }

  @Test
  void doubleOptIn_onAPurposeNotRestingOnConsent_isALocatedError() {
    CheckReport report =
        checkMinimalWith(
            "    subject_types: [customers]\n",
            "    subject_types: [customers]\n    double_opt_in: true\n");
    assertThat(report.errors())
        .extracting(Problem::format)
        .containsExactly(
            "policy.yaml:25:20: error: purpose 'service' asks for double opt-in, yet does not rest"
                + " on consent (hint: add 'dpv:Consent' to its 'legal_bases', or remove"
                + " 'double_opt_in')");
  }

  @Test
  void doubleOptIn_thatIsNotABoolean_isALocatedError() {
    CheckReport report =
        checkMinimalWith(
            "    subject_types: [customers]\n",
            "    subject_types: [customers]\n    double_opt_in: maybe\n");
    assertThat(report.errors())
        .extracting(Problem::format)
        .singleElement()
        .asString()
        .startsWith("policy.yaml:25:20: error:");
  }

  @Test
  void parentalConsent_memberStateOverride_winsOverTheJurisdictionsAge() {
    Policy policy =
        check(
                minimal()
                    .replace(
                        "    rights:\n",
                        "    parental_consent: {age: 16, countries: {AT: 14, BE: 13}}\n"
                            + "    rights:\n"))
            .policy()
            .orElseThrow();
    Jurisdiction gdpr = policy.jurisdictions().get(0);
    assertThat(gdpr.parentalConsentAge("AT").getAsInt()).isEqualTo(14);
    assertThat(gdpr.parentalConsentAge("BE").getAsInt()).isEqualTo(13);
    assertThat(gdpr.parentalConsentAge("DE").getAsInt()).isEqualTo(16);
    assertThat(gdpr.parentalConsentAge(null).getAsInt()).isEqualTo(16);
  }

  @Test
  void parentalConsent_unstated_fallsBackToTheLawsAge() {
    Jurisdiction gdpr = check(minimal()).policy().orElseThrow().jurisdictions().get(0);
    assertThat(gdpr.parentalConsentAge("FR").getAsInt()).isEqualTo(16); // GDPR Art. 8(1)
  }
}
