package dev.steward.calendar;

import dev.steward.calendar.DeadlineRule.Count;
import dev.steward.error.ConflictException;
import dev.steward.error.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes legal deadlines from a {@link DeadlineRule} and the instant something was received, for
 * one jurisdiction.
 *
 * <p>Instants are UTC; each is turned into a local date in the jurisdiction's zone (RULES.md:
 * "compute dates in the jurisdiction's zone"), and the counting happens on those dates, with the
 * working days of the rule's calendar. A calendar has no zone of its own, so two jurisdictions in
 * different zones counting on one calendar each count their own days. The day of receipt is never
 * counted. A deadline ends at the end of its due day, 23:59:59.999 local time, except for hours
 * rules, which are elapsed time.
 *
 * <p>Immutable; safe to share between threads. The injected clock is used only where "now" matters
 * ({@link #isOverdue}, {@link #timeLeft}).
 */
public final class LegalClock {
  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59, 999_000_000);

  private final Calendars calendars;
  private final ZoneId zone;
  private final Clock clock;

  /**
   * @param zone the zone of the jurisdiction whose clocks this counts
   */
  public LegalClock(Calendars calendars, ZoneId zone, Clock clock) {
    this.calendars = Objects.requireNonNull(calendars, "calendars");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The same calendars, counting the days of another jurisdiction's zone. */
  public LegalClock in(ZoneId other) {
    return other.equals(zone) ? this : new LegalClock(calendars, other, clock);
  }

  /** The zone whose days this clock counts. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The deadline for something received at {@code received}. A {@code UK_MONTHS} rule is counted
   * from {@code received} alone, without identity, fee or pauses; use {@link #ukClock} for those.
   *
   * @throws CalendarUnavailableException when the rule's calendar is not declared, cannot be used,
   *     or has no data for a day the count needs
   */
  public Deadline dueDate(DeadlineRule rule, Instant received) {
    HolidayCalendar calendar = calendars.get(rule.calendarId());
    LocalDate start = LocalDate.ofInstant(received, zone);
    int n = rule.amount();
    return switch (rule.count()) {
      // Regulation 1182/71 Art. 3(2)(c) and 3(4): same date n months on, the month's last day
      // if it has no such date (java.time clamps 31 Jan + 1 month to 28/29 Feb), then the next
      // working day if that is a Saturday, Sunday or public holiday. GDPR Art. 12(3).
      case GDPR_MONTHS -> endOfDay(rule, calendar, start, 0, start.plusMonths(n), true, null);
      case UK_MONTHS -> ukDueDate(rule, new UkClockInputs(received, null, null)).orElseThrow();
      // Calendar days are not moved off weekends or holidays: 11 CCR §7021(b) counts "calendar
      // days", and PDPO s.19(1) "days"; moving the end would give more time than the law does.
      case CALENDAR_DAYS -> endOfDay(rule, calendar, start, 0, start.plusDays(n), false, null);
      case BUSINESS_DAYS ->
          endOfDay(rule, calendar, start, 0, calendar.addWorkingDays(start, n), false, null);
      // GDPR Art. 33(1): 72 hours of elapsed time, whatever the wall clock does across DST.
      case HOURS -> elapsed(rule, start, received.plus(Duration.ofHours(n)), null);
    };
  }

  /**
   * The deadline for a UK GDPR request without an extension, or empty while the clock is stopped;
   * {@link #ukClock} says more.
   */
  public Optional<Deadline> ukDueDate(DeadlineRule rule, UkClockInputs inputs) {
    return ukClock(rule, Optional.empty(), inputs).deadline();
  }

  /**
   * Where the clock of a UK GDPR request stands. The month runs from the latest of request,
   * identity evidence and fee (ICO guidance; UK GDPR Art. 12(3), 12A); with {@code extension} (two
   * further months for complex or numerous requests, Art. 12(3)) the period runs on from the
   * month's end. Pauses move the end later by the days they stopped the clock; the end is then
   * moved to the next working day of the calendar.
   *
   * <p>Pause arithmetic. DPA 2018 s.54(3C), the twin of UK GDPR Art. 12A (both from the Data (Use
   * and Access) Act 2025; Art. 12A read from secondary sources), says "the period beginning with
   * the day on which the controller makes the request and ending with the day on which the
   * controller receives the information does not count". RULES.md: "the clock stops and resumes
   * when the answer arrives". There is one clock, and the extension is part of it. So:
   *
   * <ul>
   *   <li>a pause stops the clock for every local day (in the jurisdiction's zone) from the day of
   *       asking to the day of the answer, both included: asked 10 September, answered 13 September
   *       = 4 days, and the period's end moves 4 calendar days later;
   *   <li>days before the first counted day (the day after the clock start) do not count, since the
   *       clock was not yet running; a day covered by two overlapping pauses counts once;
   *   <li>a pause belongs to the period running on the day it was asked: one asked in the month
   *       moves the month's end, from which the extension is then counted; one asked after the
   *       month's due date while an extension runs moves the extended end (the clock of an extended
   *       request runs until the extended due date, so it can still be stopped);
   *   <li>a pause asked after the due date in force (as moved by earlier pauses, and extended if it
   *       was) has no effect: the clock had run out;
   *   <li>a pause asked after the period's last day but on or before the working day it was moved
   *       to leaves no day to run: the period then ends on the day of the answer, never before it;
   *   <li>an unanswered pause asked while the clock runs stops it: there is no due date, and the
   *       days left from the day of asking to the period's end run again after the answer.
   * </ul>
   *
   * @param extension the extension rule when the request was extended, else empty
   * @throws CalendarUnavailableException when the rule's calendar is not declared, cannot be used,
   *     or has no data for a day the count needs
   */
  public UkClock ukClock(
      DeadlineRule rule, Optional<DeadlineRule> extension, UkClockInputs inputs) {
    requireCount(rule, Count.UK_MONTHS);
    extension.ifPresent(by -> requireCount(by, Count.UK_MONTHS));
    HolidayCalendar calendar = calendars.get(rule.calendarId());
    return new UkPeriod(calendar, zone)
        .count(
            rule,
            extension,
            inputs,
            (counted, from, paused, periodEnd, original) ->
                endOfDay(
                    counted,
                    calendars.get(counted.calendarId()),
                    from,
                    paused,
                    periodEnd,
                    true,
                    original));
  }

  /** When receipt of a request must be confirmed: 11 CCR §7021(a), 10 business days. */
  public Deadline confirmReceiptBy(DeadlineRule rule, Instant received) {
    return dueDate(rule, received);
  }

  /**
   * The deadline after one extension, counted by the same method from the end of the original
   * period (before that was moved to a working day, so the move does not compound). GDPR Art.
   * 12(3): two further months; 11 CCR §7021(b): up to 45 more calendar days, 90 in total. Both
   * allow one extension, so a second is refused; the 90-day cap follows from 45 + 45. A UK clock
   * that clarifications may stop during its extension is counted by {@link #ukClock} instead.
   *
   * @throws ConflictException when {@code original} is already an extension
   * @throws InvalidInputException when the extension counts differently from the original
   */
  public Deadline extend(Deadline original, DeadlineRule extension) {
    if (original.isExtended()) {
      throw new ConflictException(
          "the deadline due " + original.dueDate() + " is already an extension; one is allowed");
    }
    requireCount(extension, original.rule().count());
    HolidayCalendar calendar = calendars.get(extension.calendarId());
    LocalDate from = original.periodEnd();
    int n = extension.amount();
    return switch (extension.count()) {
      case GDPR_MONTHS, UK_MONTHS ->
          endOfDay(extension, calendar, from, 0, from.plusMonths(n), true, original);
      case CALENDAR_DAYS ->
          endOfDay(extension, calendar, from, 0, from.plusDays(n), false, original);
      case BUSINESS_DAYS ->
          endOfDay(extension, calendar, from, 0, calendar.addWorkingDays(from, n), false, original);
      case HOURS -> elapsed(extension, from, original.dueAt().plus(Duration.ofHours(n)), original);
    };
  }

  /** True once the deadline's last instant has passed, by the injected clock. */
  public boolean isOverdue(Deadline deadline) {
    return clock.instant().isAfter(deadline.dueAt());
  }

  /** Time left until the deadline's last instant; negative once overdue. */
  public Duration timeLeft(Deadline deadline) {
    return Duration.between(clock.instant(), deadline.dueAt());
  }

  private Deadline endOfDay(
      DeadlineRule rule,
      HolidayCalendar calendar,
      LocalDate start,
      int paused,
      LocalDate periodEnd,
      boolean rollToWorkingDay,
      Deadline original) {
    LocalDate due = rollToWorkingDay ? calendar.nextWorkingDayOnOrAfter(periodEnd) : periodEnd;
    Instant dueAt = due.atTime(END_OF_DAY).atZone(zone).toInstant();
    return new Deadline(
        rule, zone, start, paused, periodEnd, due, dueAt, Optional.ofNullable(original));
  }

  private Deadline elapsed(DeadlineRule rule, LocalDate start, Instant dueAt, Deadline original) {
    LocalDate due = LocalDate.ofInstant(dueAt, zone);
    return new Deadline(rule, zone, start, 0, due, due, dueAt, Optional.ofNullable(original));
  }

  private static void requireCount(DeadlineRule rule, Count expected) {
    if (rule.count() != expected) {
      throw new InvalidInputException(
          "expected a " + expected + " rule but got " + rule.count() + " for " + rule);
    }
  }
}
