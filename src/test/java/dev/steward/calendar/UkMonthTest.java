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
import java.util.Optional;
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

  private static final DeadlineRule TWO_MONTHS = new DeadlineRule(Count.UK_MONTHS, 2, "gb-eng");

  private UkClock extendedWith(ClarificationPause... pauses) {
    return clock.ukClock(
        ONE_MONTH,
        Optional.of(TWO_MONTHS),
        new UkClockInputs(REQUEST_3_SEPT, null, null, List.of(pauses)));
  }

  @Test
  void ukClock_extendedWithoutPauses_endsTwoMonthsAfterTheMonth() {
    // 3 October + 2 months: Wednesday 3 December 2025.
    Deadline due = extendedWith().deadline().orElseThrow();
    assertThat(due.dueDate()).isEqualTo(date("2025-12-03"));
    assertThat(due.extensionOf().orElseThrow().dueDate()).isEqualTo(date("2025-10-03"));
  }

  @Test
  void ukClock_clarificationDuringTheExtension_movesTheExtendedEnd() {
    // Asked 20 October, after the month's due date (3 October) but inside the extension;
    // answered 22 October: 3 days do not count. 3 December + 3 = Saturday 6 December, so Monday
    // 8 December.
    Deadline due =
        extendedWith(pause("2025-10-20T10:00", "2025-10-22T16:00")).deadline().orElseThrow();
    assertThat(due.daysPaused()).isEqualTo(3);
    assertThat(due.periodEnd()).isEqualTo(date("2025-12-06"));
    assertThat(due.dueDate()).isEqualTo(date("2025-12-08"));
  }

  @Test
  void ukClock_clarificationInTheMonth_movesTheMonthFromWhichTheExtensionCounts() {
    // 10 to 13 September: the month ends on 7 October, and the extension on 7 December (a
    // Sunday), so Monday 8 December; then 3 more days from a pause in the extension: 10 December.
    Deadline due =
        extendedWith(
                pause("2025-09-10T14:00", "2025-09-13T09:00"),
                pause("2025-11-03T09:00", "2025-11-05T09:00"))
            .deadline()
            .orElseThrow();
    assertThat(due.extensionOf().orElseThrow().periodEnd()).isEqualTo(date("2025-10-07"));
    assertThat(due.daysPaused()).isEqualTo(7);
    assertThat(due.dueDate()).isEqualTo(date("2025-12-10"));
  }

  @Test
  void ukClock_clarificationAfterTheExtendedDueDate_hasNoEffect() {
    Deadline due =
        extendedWith(pause("2025-12-04T10:00", "2025-12-08T10:00")).deadline().orElseThrow();
    assertThat(due.daysPaused()).isZero();
    assertThat(due.dueDate()).isEqualTo(date("2025-12-03"));
  }

  @Test
  void ukClock_clarificationAfterTheMonthWithoutExtension_hasNoEffect() {
    // The other side: not extended, the clock ran out on 3 October.
    UkClockInputs inputs =
        new UkClockInputs(
            REQUEST_3_SEPT, null, null, List.of(pause("2025-10-20T10:00", "2025-10-22T16:00")));
    assertThat(clock.ukDueDate(ONE_MONTH, inputs).orElseThrow().dueDate())
        .isEqualTo(date("2025-10-03"));
  }

  @Test
  void ukClock_awaitingAnAnswer_saysSinceWhenAndTheDaysLeft() {
    // Counted: 4 to 9 September. Left: 10 September to 3 October inclusive, 24 days.
    UkClock stopped =
        clock.ukClock(
            ONE_MONTH,
            Optional.empty(),
            new UkClockInputs(
                REQUEST_3_SEPT, null, null, List.of(pause("2025-09-10T14:00", null))));
    assertThat(stopped)
        .isEqualTo(new UkClock.Stopped(at("2025-09-10T14:00", LONDON), 24, 0, false));
  }

  @Test
  void ukClock_awaitingAnAnswerInTheExtension_countsTheDaysLeftToTheExtendedEnd() {
    // 20 October to 3 December inclusive: 12 + 30 + 3 = 45 days.
    UkClock stopped = extendedWith(pause("2025-10-20T10:00", null));
    assertThat(stopped).isEqualTo(new UkClock.Stopped(at("2025-10-20T10:00", LONDON), 45, 0, true));
  }

  @Test
  void ukClock_askedOnTheMovedDueDate_endsNoEarlierThanTheAnswer() {
    // Received 4 September: the month ends on Saturday 4 October, due Monday 6 October. Asked on
    // the 6th, nothing of the month was left; answered Tuesday 7 October: due that day.
    UkClockInputs inputs =
        new UkClockInputs(
            at("2025-09-04T09:00", LONDON),
            null,
            null,
            List.of(pause("2025-10-06T09:00", "2025-10-07T09:00")));
    assertThat(clock.ukDueDate(ONE_MONTH, inputs).orElseThrow().dueDate())
        .isEqualTo(date("2025-10-07"));
  }

  @Test
  void clarificationPause_answeredBeforeAsked_isRejected() {
    assertThatThrownBy(() -> pause("2025-09-10T14:00", "2025-09-09T14:00"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("before it was asked for");
  }
}
