package dev.steward.policy;

import static dev.steward.policy.Fixtures.check;
import static dev.steward.policy.Fixtures.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What the model derives from the file: defaults of the law and counting from a year's end. */
class PolicyModelTest {

  @Test
  void endOfFinancialYear_yearEndingInMarch_isTheNext31March() {
    Policy policy = check(minimal() + "financial_year_end: \"03-31\"\n").orThrow();

    assertThat(policy.endOfFinancialYear(LocalDate.of(2025, 2, 10)))
        .isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(policy.endOfFinancialYear(LocalDate.of(2025, 3, 31)))
        .isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(policy.endOfFinancialYear(LocalDate.of(2025, 4, 1)))
        .isEqualTo(LocalDate.of(2026, 3, 31));
  }

  @Test
  void endOfFinancialYear_notStated_isTheEndOfTheCalendarYear() {
    Policy policy = check(minimal()).orThrow();

    assertThat(policy.endOfFinancialYear(LocalDate.of(2024, 2, 29)))
        .isEqualTo(LocalDate.of(2024, 12, 31));
  }

  @Test
  void parentalConsentAge_gdprWithoutStatedAge_is16ByArticle8() {
    Jurisdiction gdpr = check(minimal()).orThrow().jurisdiction("gdpr").orElseThrow();

    assertThat(gdpr.parentalConsent()).isEmpty();
    assertThat(gdpr.parentalConsentAge("IE")).hasValue(16);
  }

  @Test
  void parentalConsentAge_memberStateAge_overridesTheJurisdictions() {
    Policy policy =
        check(
                minimal()
                    .replace(
                        "    rights:\n",
                        "    parental_consent: {age: 16, countries: {IE: 16, FR: 15}}\n"
                            + "    rights:\n"))
            .orThrow();
    Jurisdiction gdpr = policy.jurisdiction("gdpr").orElseThrow();

    assertThat(gdpr.parentalConsentAge("FR")).hasValue(15);
    assertThat(gdpr.parentalConsentAge("DE")).hasValue(16);
  }

  @Test
  void tracker_servingSeveralPurposes_listsThemAll() {
    String yaml =
        minimal()
            + "trackers:\n"
            + "  - {id: logs, name: Logs, kind: log, provider: us, party: first,"
            + " purpose: [service], duration: P30D, category: functional}\n"
            + "  - {id: one, name: One, kind: cookie, provider: us, party: first,"
            + " purpose: service, duration: session, category: functional}\n";

    Policy policy = check(yaml).orThrow();

    assertThat(policy.trackers())
        .extracting(Tracker::purposes)
        .containsOnly(java.util.List.of("service"));
  }

  @Test
  void system_locatedInTheEu_isAccepted() {
    CheckReport report =
        check(
            minimal()
                + "systems:\n  - {id: crm, name: CRM, owner: acme, location: EU, processor: true}\n");

    assertThat(report.problems()).isEmpty();
  }
}
