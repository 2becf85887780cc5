package dev.steward.calendar;

import static dev.steward.calendar.TestCalendars.HONG_KONG;
import static dev.steward.calendar.TestCalendars.LONDON;
import static dev.steward.calendar.TestCalendars.NEW_YORK;
import static dev.steward.calendar.TestCalendars.at;
import static dev.steward.calendar.TestCalendars.date;
import static dev.steward.calendar.TestCalendars.jollyday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.calendar.CalendarSpec.DatedYear;
import dev.steward.calendar.CalendarSpec.Source;
import dev.steward.calendar.DeadlineRule.Count;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What jollyday 1.5.0 gives for the bundled calendars, and where the policy must correct it. */
class JollydayCalendarTest {
  private final Calendars calendars = TestCalendars.calendars();

  @Test
  void isWorkingDay_californiaStateHolidays_areOffOnUsCaOnly() {
    HolidayCalendar california = calendars.get("us-ca");
    HolidayCalendar federal = calendars.get("us-federal");
    // César Chávez Day, Tuesday 31 March 2026 (Gov. Code §19853).
    assertThat(california.isWorkingDay(date("2026-03-31"))).isFalse();
    assertThat(federal.isWorkingDay(date("2026-03-31"))).isTrue();
    // Day after Thanksgiving, Friday 27 November 2026.
    assertThat(california.isWorkingDay(date("2026-11-27"))).isFalse();
    assertThat(federal.isWorkingDay(date("2026-11-27"))).isTrue();
  }

  @Test
  void isWorkingDay_cesarChavezDayOnSunday_isObservedOnMonday() {
    assertThat(calendars.get("us-ca").isWorkingDay(date("2024-04-01"))).isFalse();
  }

  @Test
  void isWorkingDay_lincolnsBirthday_isAnObservanceNotADayOff() {
    // jollyday marks it OBSERVANCE; California state offices have been open on it since 2009.
    assertThat(calendars.get("us-ca").isWorkingDay(date("2026-02-12"))).isTrue();
  }

  @Test
  void isWorkingDay_federalNewYear2028OnSaturday_isObservedFriday31December2027() {
    assertThat(calendars.get("us-federal").isWorkingDay(date("2027-12-31"))).isFalse();
  }

  @Test
  void isWorkingDay_englandBoxingDay2026Substitute_isMonday28December() {
    HolidayCalendar england = calendars.get("gb-eng");
    assertThat(england.isWorkingDay(date("2026-12-28"))).isFalse();
    assertThat(england.isWorkingDay(date("2026-12-29"))).isTrue();
    assertThat(england.isWorkingDay(date("2026-08-31"))).isFalse(); // summer bank holiday
  }

  @Test
  void usFederal_jollydayOmitsColumbusDay_soThePolicyAddsIt() {
    // 5 U.S.C. §6103(a) lists Columbus Day (12 Oct 2026); jollyday 1.5.0's US list does not.
    assertThat(calendars.get("us-federal").isWorkingDay(date("2026-10-12"))).isTrue();
    CalendarSpec corrected =
        new CalendarSpec(
            "us-federal",
            Source.JOLLYDAY,
            NEW_YORK,
            "US",
            List.of(),
            Map.of(2026, new DatedYear(Set.of(date("2026-10-12")), Set.of())));
    LegalClock clock =
        new LegalClock(Calendars.of(List.of(corrected)), NEW_YORK, TestCalendars.FIXED_CLOCK);
    DeadlineRule tenDays = new DeadlineRule(Count.BUSINESS_DAYS, 10, "us-federal");
    assertThat(clock.dueDate(tenDays, at("2026-10-09T12:00", NEW_YORK)).dueDate())
        .isEqualTo(date("2026-10-26"));
  }

  @Test
  void hongKong_lunarHolidaysListedUpTo2024_areCovered() {
    HolidayCalendar hongKong = calendars.get("hk");
    assertThat(hongKong.isWorkingDay(date("2024-02-12"))).isFalse(); // third day of Lunar New Year
    assertThat(hongKong.isWorkingDay(date("2024-02-13"))).isFalse(); // substitute for 11 Feb
  }

  @Test
  void hongKong_after2024_isNotCovered_becauseJollydayLacksLunarHolidays() {
    assertThatThrownBy(() -> calendars.get("hk").isWorkingDay(date("2026-02-17")))
        .isInstanceOf(CalendarNotCoveredException.class)
        .hasMessageContaining("calendar hk has no holiday data for 2026")
        .hasMessageContaining("only up to 2024");
  }

  @Test
  void dueDate_hongKong40Days_isNotMovedAndNeedsNoHolidayData() {
    // PDPO s.19(1): 40 days. 19 Feb 2026 falls in Lunar New Year; calendar days are not moved.
    DeadlineRule pdpo = new DeadlineRule(Count.CALENDAR_DAYS, 40, "hk");
    assertThat(
            TestCalendars.legalClock().dueDate(pdpo, at("2026-01-10T10:00", HONG_KONG)).dueDate())
        .isEqualTo(date("2026-02-19"));
  }

  @Test
  void get_unknownSubdivision_isUnusableNamingTheKnownOnes() {
    Calendars built = Calendars.of(List.of(jollyday("gb-eng", LONDON, "GB", "england")));
    assertThatThrownBy(() -> built.get("gb-eng"))
        .isInstanceOf(CalendarUnusableException.class)
        .hasMessageContaining("jollyday knows no region 'england' of GB")
        .hasMessageContaining("valid codes: eng, nir, sct, wls");
  }

  @Test
  void get_unknownCountry_isUnusable() {
    Calendars built = Calendars.of(List.of(jollyday("xx", LONDON, "XX")));
    assertThatThrownBy(() -> built.get("xx"))
        .isInstanceOf(CalendarUnusableException.class)
        .hasMessageContaining("jollyday has no holiday data for XX");
  }

  @Test
  void get_jollydayWithoutCountry_isUnusable() {
    CalendarSpec spec = new CalendarSpec("x", Source.JOLLYDAY, LONDON, null, null, null);
    assertThatThrownBy(() -> Calendars.of(List.of(spec)).get("x"))
        .isInstanceOf(CalendarUnusableException.class)
        .hasMessageContaining("names no country");
  }

  @Test
  void get_oneCalendarBroken_theOthersStillCount() {
    // Before, one unknown code failed the whole set, and with it every request on any law.
    Calendars built =
        Calendars.of(
            List.of(
                jollyday("gb-eng", LONDON, "GB", "ENG"), jollyday("us-federal", NEW_YORK, "US")));
    assertThat(built.unusable()).containsOnlyKeys("gb-eng");
    assertThat(built.get("us-federal").isWorkingDay(date("2026-07-03"))).isFalse();
    assertThatThrownBy(() -> built.get("gb-eng"))
        .isInstanceOf(CalendarUnavailableException.class)
        .hasMessageContaining("'ENG'");
  }

  @Test
  void isWorkingDay_munichInBavaria_takesAssumptionDayOff() {
    // Jollyday reads the codes as a path: DE, then Bavaria (by), then Munich (mu). Assumption Day,
    // Friday 15 August 2025, is a public holiday in Bavaria's mainly Catholic communities.
    Calendars built =
        Calendars.of(
            List.of(
                jollyday("de-by-mu", ZoneId.of("Europe/Berlin"), "DE", "by", "mu"),
                jollyday("de-by", ZoneId.of("Europe/Berlin"), "DE", "by"),
                jollyday("de-be", ZoneId.of("Europe/Berlin"), "DE", "be")));
    assertThat(built.unusable()).isEmpty();
    assertThat(built.get("de-by-mu").isWorkingDay(date("2025-08-15"))).isFalse();
    assertThat(built.get("de-by").isWorkingDay(date("2025-08-15"))).isTrue();
    // Epiphany, 6 January 2026, is a Bavarian holiday and not a Berlin one.
    assertThat(built.get("de-by-mu").isWorkingDay(date("2026-01-06"))).isFalse();
    assertThat(built.get("de-be").isWorkingDay(date("2026-01-06"))).isTrue();
  }

  @Test
  void defects_regionPathThroughALeaf_saysItHasNoRegionsBelow() {
    CalendarSpec spec = jollyday("gb-eng", LONDON, "GB", "eng", "london");
    assertThat(Calendars.defects(spec))
        .extracting(CalendarDefect::message)
        .containsExactly("jollyday knows no region 'london' of GB/eng; it has no regions below it");
  }
}
