package dev.steward.request;

import dev.steward.calendar.CalendarUnavailableException;
import dev.steward.calendar.Deadline;
import dev.steward.calendar.DeadlineRule;
import dev.steward.calendar.DeadlineRule.Count;
import dev.steward.calendar.LegalClock;
import dev.steward.calendar.UkClock;
import dev.steward.calendar.UkClockInputs;
import dev.steward.calendar.UkClockInputs.ClarificationPause;
import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Jurisdiction.Right;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The clocks of a request: one per jurisdiction that grants it, each counted by its own rule and
 * calendar, the earliest due governing (meeting it meets them all).
 */
final class RequestClocks {
  private RequestClocks() {}

  /**
   * What the clocks are counted from.
   *
   * @param feeReceived when a fee the UK rules allow was received, or null when none was charged
   */
  record Inputs(
      Instant received,
      Instant identityReceived,
      Instant feeReceived,
      List<ClarificationPause> pauses,
      boolean extend) {
    Inputs {
      pauses = List.copyOf(pauses);
    }
  }

  /**
   * Counts one jurisdiction's clock. When its calendar cannot give the days the count needs (it
   * lacks a year, or the policy in force declares it in a way that cannot be used), the clock is
   * kept uncounted with the reason rather than guessed (RULES.md: a date outside the years a dated
   * calendar covers is an error, not a guess), so that the request is still taken in, the other
   * jurisdictions' clocks still count, and the gap is shown to staff until a policy in force fixes
   * it.
   */
  static ClockRow clock(LegalClock legal, Jurisdiction jurisdiction, Right right, Inputs inputs) {
    try {
      return counted(legal, jurisdiction, right, inputs);
    } catch (CalendarUnavailableException e) {
      return new ClockRow(
          jurisdiction.id(),
          right.deadline(),
          LocalDate.ofInstant(inputs.received(), legal.zone()),
          0,
          null,
          null,
          null,
          inputs.extend() && right.extension().isPresent(),
          e.getMessage(),
          null,
          null);
    }
  }

  private static ClockRow counted(
      LegalClock legal, Jurisdiction jurisdiction, Right right, Inputs inputs) {
    DeadlineRule rule = right.deadline();
    boolean extended = inputs.extend() && right.extension().isPresent();
    Optional<DeadlineRule> extension =
        extended ? Optional.of(right.extension().get().by()) : Optional.empty();
    Instant confirmBy =
        right.confirm().map(c -> legal.confirmReceiptBy(c, inputs.received()).dueAt()).orElse(null);
    if (rule.count() == Count.UK_MONTHS) {
      // ICO guidance and UK GDPR Art. 12A: a fresh month from the latest of request, identity
      // evidence and fee; clarifications stop it, in the month or in its extension.
      UkClockInputs uk =
          new UkClockInputs(
              inputs.received(), inputs.identityReceived(), inputs.feeReceived(), inputs.pauses());
      LocalDate start = LocalDate.ofInstant(uk.clockStart(), legal.zone());
      UkClock clock = legal.ukClock(rule, extension, uk);
      if (clock instanceof UkClock.Stopped stopped) {
        return new ClockRow(
            jurisdiction.id(),
            rule,
            start,
            stopped.daysPaused(),
            null,
            null,
            confirmBy,
            extended,
            null,
            stopped.askedAt(),
            stopped.daysLeftWhenResumed());
      }
      return row(jurisdiction, rule, start, clock.deadline().orElseThrow(), confirmBy, extended);
    }
    // GDPR Art. 12(3), 11 CCR §7021(b), PDPO s.19(1): counted from receipt, whatever verification
    // took.
    Deadline base = legal.dueDate(rule, inputs.received());
    Deadline due = extension.map(by -> legal.extend(base, by)).orElse(base);
    return row(jurisdiction, rule, base.countedFrom(), due, confirmBy, extended);
  }

  private static ClockRow row(
      Jurisdiction jurisdiction,
      DeadlineRule rule,
      LocalDate countedFrom,
      Deadline due,
      Instant confirmBy,
      boolean extended) {
    return new ClockRow(
        jurisdiction.id(),
        rule,
        countedFrom,
        due.daysPaused(),
        due.dueDate(),
        due.dueAt(),
        confirmBy,
        extended,
        null,
        null,
        null);
  }

  /**
   * The clock that governs: the earliest due; empty when every clock is stopped or uncounted. An
   * uncounted clock might fall earlier still, which {@link #gap} tells.
   */
  static Optional<ClockRow> governing(List<ClockRow> clocks) {
    return clocks.stream()
        .filter(clock -> clock.dueAt() != null)
        .min(Comparator.comparing(ClockRow::dueAt));
  }

  /** Why a clock of the request could not be counted, or null when all were. */
  static String gap(List<ClockRow> clocks) {
    return clocks.stream()
        .map(ClockRow::uncounted)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  /**
   * The stopped clock whose days left are fewest, for the request's summary: it is the one that can
   * fall due first once the answer arrives.
   */
  static Optional<ClockRow> stopped(List<ClockRow> clocks) {
    return clocks.stream()
        .filter(ClockRow::isStopped)
        .min(Comparator.comparing(ClockRow::daysLeftWhenResumed));
  }

  /** The earliest receipt confirmation any jurisdiction asks for, or null. */
  static Instant confirmBy(List<ClockRow> clocks) {
    return clocks.stream()
        .map(ClockRow::confirmBy)
        .filter(java.util.Objects::nonNull)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }
}
