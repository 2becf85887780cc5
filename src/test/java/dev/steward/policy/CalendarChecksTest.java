package dev.steward.policy;

import static dev.steward.policy.Fixtures.check;
import static dev.steward.policy.Fixtures.checkMinimalWith;
import static dev.steward.policy.Fixtures.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the check says about holiday calendars: regions jollyday does not know, a zone that
 * contradicts the jurisdiction's, and year-by-year data that runs out. The fixed clock is 1 June
 * 2025.
 */
class CalendarChecksTest {
  private static final String IE_CALENDAR =
      "  - {id: ie, source: jollyday, zone: Europe/Dublin, country: IE}\n";

  /** The minimal policy counting its GDPR deadlines on {@code calendar} instead of Ireland's. */
  private static CheckReport checkWithCalendar(String calendar) {
    return check(minimal().replace(IE_CALENDAR, calendar));
  }

  @Test
  void check_subdivisionInUpperCase_isAnErrorAtTheCodeNamingTheValidOnes() {
    CheckReport report =
        checkWithCalendar(
            "  - {id: ie, source: jollyday, zone: Europe/Berlin, country: DE, subdivisions: [BY]}\n");

    assertThat(report.policy()).isEmpty();
    assertThat(report.errors())
        .extracting(Problem::format)
        .contains(
            "policy.yaml:39:81: error: jollyday knows no region 'BY' of DE; valid codes: bb, be,"
                + " bw, by, hb, he, hh, mv, ni, nw, rp, sh, sl, sn, st, th (hint: did you mean"
                + " 'by'?)");
  }

  @Test
  void check_unknownSubdivision_isAnErrorNamingTheValidCodes() {
    CheckReport report =
        checkWithCalendar(
            "  - {id: ie, source: jollyday, zone: Europe/London, country: GB, subdivisions: [xx]}\n");

    assertThat(report.errors())
        .extracting(Problem::format)
        .contains(
            "policy.yaml:39:81: error: jollyday knows no region 'xx' of GB; valid codes: eng, nir,"
                + " sct, wls (hint: write the path from the outermost region, e.g. subdivisions:"
                + " [by, mu] for Munich in Bavaria)");
  }

  @Test
  void check_nestedRegionUnknownBelowItsParent_namesTheParentsRegions() {
    CheckReport report =
        checkWithCalendar(
            "  - {id: ie, source: jollyday, zone: Europe/Berlin, country: DE,"
                + " subdivisions: [by, xx]}\n");

    assertThat(report.errors())
        .extracting(Problem::format)
        .contains(
            "policy.yaml:39:85: error: jollyday knows no region 'xx' of DE/by; valid codes: ag,"
                + " in, mu, re, wu (hint: write the path from the outermost region, e.g."
                + " subdivisions: [by, mu] for Munich in Bavaria)");
  }

  @Test
  void check_nestedRegionPath_isValid() {
    CheckReport report =
        checkWithCalendar("  - {id: ie, source: jollyday, country: DE, subdivisions: [by, mu]}\n");

    assertThat(report.errors()).isEmpty();
  }

  @Test
  void check_countryJollydayDoesNotKnow_isAnErrorAtTheCountry() {
    CheckReport report =
        checkWithCalendar("  - {id: ie, source: jollyday, zone: Europe/Dublin, country: CN}\n");

    assertThat(report.errors())
        .extracting(Problem::format)
        .contains(
            "policy.yaml:39:62: error: jollyday has no holiday data for CN (hint: use 'source:"
                + " dated' and list each year's holidays and working days under 'years')");
  }

  @Test
  void check_calendarZoneContradictingTheJurisdictions_isAnErrorAtTheJurisdictionZone() {
    CheckReport report =
        checkMinimalWith(
            "{id: ie, source: jollyday, zone: Europe/Dublin",
            "{id: ie, source: jollyday, zone: Asia/Tokyo");

    assertThat(report.policy()).isEmpty();
    assertThat(report.errors())
        .extracting(Problem::format)
        .containsExactly(
            "policy.yaml:31:11: error: jurisdiction 'gdpr' computes its dates in Europe/Dublin,"
                + " but its calendar 'ie' declares the zone Asia/Tokyo (hint: dates are computed in"
                + " the jurisdiction's zone: give the calendar the same zone, or leave its zone"
                + " out)");
  }

  @Test
  void check_calendarWithoutZone_countsInTheJurisdictionsZone() {
    CheckReport report = checkWithCalendar("  - {id: ie, source: jollyday, country: IE}\n");

    assertThat(report.problems()).isEmpty();
  }

  @Test
  void check_jollydayCorrectionsRunningOut_warnsWithTheLastCorrectedYear() {
    CheckReport report =
        checkWithCalendar(
            "  - id: ie\n    source: jollyday\n    country: IE\n    years:\n"
                + "      2025: {holidays: [2025-06-03], working_days: []}\n");

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings())
        .extracting(Problem::format)
        .containsExactly(
            "policy.yaml:42:5: warning: calendar 'ie' corrects jollyday up to 2025 only; for 2026"
                + " jollyday's own data would be used uncorrected (hint: add 2026 under 'years'"
                + " before it starts, with no dates if jollyday needs no correction that year)");
  }

  @Test
  void check_datedCalendarWithoutNextYear_warnsWithTheLastYearItCovers() {
    String calendar =
        "  - id: ie\n    source: dated\n    years:\n"
            + "      2024: {holidays: [2024-01-01], working_days: []}\n"
            + "      2025: {holidays: [2025-01-01], working_days: []}\n";

    CheckReport report = checkWithCalendar(calendar);

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings())
        .extracting(Problem::format)
        .containsExactly(
            "policy.yaml:41:5: warning: dated calendar 'ie' has no data for 2026 yet; the last"
                + " year it covers is 2025 (hint: add the holidays and adjusted working days for"
                + " 2026 before it starts)");
  }
}
