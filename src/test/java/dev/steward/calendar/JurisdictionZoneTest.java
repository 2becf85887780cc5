package dev.steward.calendar;

import static dev.steward.calendar.TestCalendars.LONDON;
import static dev.steward.calendar.TestCalendars.date;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.calendar.DeadlineRule.Count;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * RULES.md: "compute dates in the jurisdiction's zone". A calendar holds dates only; two
 * jurisdictions sharing one count their own days.
 */
class JurisdictionZoneTest {
  private static final DeadlineRule ONE_MONTH = new DeadlineRule(Count.GDPR_MONTHS, 1, "gb-eng");
  private static final Instant RECEIVED = Instant.parse("2025-01-31T23:30:00Z");

  @Test
  void dueDate_sameCalendarTwoZones_eachCountsItsOwnDayOfReceipt() {
    // 23:30 UTC on Friday 31 January is still the 31st in London and already 1 February in Paris.
    Deadline london = TestCalendars.legalClock(LONDON).dueDate(ONE_MONTH, RECEIVED);
    Deadline paris =
        TestCalendars.legalClock(ZoneId.of("Europe/Paris")).dueDate(ONE_MONTH, RECEIVED);

    assertThat(london.countedFrom()).isEqualTo(date("2025-01-31"));
    assertThat(london.dueDate()).isEqualTo(date("2025-02-28"));
    assertThat(london.zone()).isEqualTo(LONDON);
    // From 1 February: Saturday 1 March, moved to Monday 3 March, ending at midnight in Paris.
    assertThat(paris.countedFrom()).isEqualTo(date("2025-02-01"));
    assertThat(paris.dueDate()).isEqualTo(date("2025-03-03"));
    assertThat(paris.dueAt()).isEqualTo(Instant.parse("2025-03-03T22:59:59.999Z"));
  }

  @Test
  void in_anotherZone_keepsTheCalendarsAndChangesTheDays() {
    LegalClock london = TestCalendars.legalClock(LONDON);
    assertThat(london.in(LONDON)).isSameAs(london);
    assertThat(london.in(ZoneId.of("Europe/Paris")).dueDate(ONE_MONTH, RECEIVED).dueDate())
        .isEqualTo(date("2025-03-03"));
  }
}
