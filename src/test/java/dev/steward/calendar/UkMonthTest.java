package dev.steward.calendar;

import static dev.steward.calendar.TestCalendars.LONDON;
import static dev.steward.calendar.TestCalendars.at;
import static dev.steward.calendar.TestCalendars.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.calendar.DeadlineRule.Count;
import dev.steward.calendar.UkClockInputs.ClarificationPause;
import dev.steward.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ICO month: afresh from the latest of request, identity and fee; paused for clarification. */
class UkMonthTest {
  private static final DeadlineRule ONE_MONTH = new DeadlineRule(Count.UK_MONTHS, 1, "gb-eng");
  private static final Instant REQUEST_3_SEPT = at("2025-09-03T11:00", LONDON);

  private final TestCalendars.HomeZoneClock clock = TestCalendars.legalClock();

  private static ClarificationPause pause(String asked, String answered) {
    return new ClarificationPause(
        at(asked, LONDON), answered == null ? null : at(answered, LONDON));
  }

  private Deadline withPauses(ClarificationPause... pauses) {
    return clock
        .ukDueDate(ONE_MONTH, new UkClockInputs(REQUEST_3_SEPT, null, null, List.of(pauses)))
        .orElseThrow();
  }

  @Test
  void ukDueDate_requestOnly_isSameDateNextMonth() {
    assertThat(withPauses().dueDate()).isEqualTo(date("2025-10-03"));
    assertThat(clock.dueDate(ONE_MONTH, REQUEST_3_SEPT).dueDate()).isEqualTo(date("2025-10-03"));
  }

  @Test
  void ukDueDate_identityArrivesLater_monthRunsAfreshFromIdentity() {
    // Without the identity evidence it would be due Thursday 10 April. From 20 March it ends on
    // Easter Sunday 20 April 2025; Easter Monday is a bank holiday, so Tuesday 22 April.
    Instant request = at("2025-03-10T09:00", LONDON);
    Instant identity = at("2025-03-20T16:00", LONDON);
    Deadline deadline =
        clock.ukDueDate(ONE_MONTH, new UkClockInputs(request, identity, null)).orElseThrow();
    assertThat(deadline.countedFrom()).isEqualTo(date("2025-03-20"));
    assertThat(deadline.dueDate()).isEqualTo(date("2025-04-22"));
  }

  @Test
  void ukDueDate_feePaidLast_monthRunsFromFee() {
    UkClockInputs inputs =
        new UkClockInputs(
            at("2025-07-01T09:00", LONDON),
            at("2025-07-03T09:00", LONDON),
            at("2025-07-08T09:00", LONDON));
    assertThat(clock.ukDueDate(ONE_MONTH, inputs).orElseThrow().dueDate())
        .isEqualTo(date("2025-08-08"));
  }

  @Test
  void ukDueDate_clarificationAskedOn10thAnsweredOn13th_addsFourDays() {
    // 10, 11, 12 and 13 September do not count: 3 October + 4 days = Tuesday 7 October.
    Deadline deadline = withPauses(pause("2025-09-10T14:00", "2025-09-13T09:00"));
    assertThat(deadline.daysPaused()).isEqualTo(4);
    assertThat(deadline.dueDate()).isEqualTo(date("2025-10-07"));
  }

  @Test
  void ukDueDate_askedAnsweredSameDay_addsOneDay() {
    assertThat(withPauses(pause("2025-09-20T09:00", "2025-09-20T17:00")).dueDate())
        .isEqualTo(date("2025-10-06")); // Saturday 4 October, moved to Monday 6 October
  }

  @Test
  void ukDueDate_twoPauses_addUp() {
    Deadline deadline =
        withPauses(
            pause("2025-09-10T14:00", "2025-09-13T09:00"),
            pause("2025-09-22T09:00", "2025-09-22T17:00"));
    assertThat(deadline.daysPaused()).isEqualTo(5);
    assertThat(deadline.dueDate()).isEqualTo(date("2025-10-08"));
  }

  @Test
  void ukDueDate_overlappingPauses_countEachDayOnce() {
    Deadline deadline =
        withPauses(
            pause("2025-09-10T09:00", "2025-09-13T09:00"),
            pause("2025-09-12T09:00", "2025-09-14T09:00"));
    assertThat(deadline.daysPaused()).isEqualTo(5); // 10 to 14 September
  }

  @Test
  void ukDueDate_pauseDaysAreLondonDays_notUtcDays() {
    // 23:30 UTC on 9 September is 00:30 on 10 September in London (BST).
    ClarificationPause pause =
        new ClarificationPause(
            Instant.parse("2025-09-09T23:30:00Z"), Instant.parse("2025-09-13T08:00:00Z"));
    assertThat(withPauses(pause).daysPaused()).isEqualTo(4);
  }

  @Test
  void ukDueDate_clarificationUnanswered_hasNoDueDateYet() {
    UkClockInputs inputs =
        new UkClockInputs(REQUEST_3_SEPT, null, null, List.of(pause("2025-09-10T14:00", null)));
    assertThat(clock.ukDueDate(ONE_MONTH, inputs)).isEmpty();
  }

  @Test
  void ukDueDate_clarificationAskedAfterDeadline_doesNotReviveTheClock() {
    UkClockInputs inputs =
        new UkClockInputs(REQUEST_3_SEPT, null, null, List.of(pause("2025-10-10T14:00", null)));
    assertThat(clock.ukDueDate(ONE_MONTH, inputs).orElseThrow().dueDate())
        .isEqualTo(date("2025-10-03"));
  }

  @Test
  void ukDueDate_pauseOnDayOfReceipt_doesNotCountThatDay() {
    // The day of receipt is not counted anyway; only 4 and 5 September are paused.
    assertThat(withPauses(pause("2025-09-03T15:00", "2025-09-05T10:00")).daysPaused()).isEqualTo(2);
  }

  @Test
  void extend_pausedUkDeadline_countsTwoMonthsFromPausedEnd() {
    Deadline paused = withPauses(pause("2025-09-10T14:00", "2025-09-13T09:00"));
    Deadline extended = clock.extend(paused, new DeadlineRule(Count.UK_MONTHS, 2, "gb-eng"));
    // 7 October + 2 months = Sunday 7 December, moved to Monday 8 December.
    assertThat(extended.dueDate()).isEqualTo(date("2025-12-08"));
  }

  @Test
  void clarificationPause_answeredBeforeAsked_isRejected() {
    assertThatThrownBy(() -> pause("2025-09-10T14:00", "2025-09-09T14:00"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("before it was asked for");
  }
}
