package dev.steward.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A computed legal deadline and how it was counted.
 *
 * @param rule the rule that was applied (for an extension, the extension rule)
 * @param zone the jurisdiction's zone, in which the dates below are local dates
 * @param countedFrom the day counting started from; it is not itself counted
 * @param daysPaused whole days the clock stood still for clarification (UK GDPR Art. 12A), else 0;
 *     for an extension, those of the whole period
 * @param periodEnd the last day of the period before it was moved to a working day
 * @param dueDate the day by which to act: {@code periodEnd}, or the next working day where the rule
 *     moves it
 * @param dueAt the last instant to act: the end of {@code dueDate} (23:59:59.999 local), or the
 *     exact elapsed-time instant for an hours rule
 * @param extensionOf the deadline this one extends, if any
 */
public record Deadline(
    DeadlineRule rule,
    ZoneId zone,
    LocalDate countedFrom,
    int daysPaused,
    LocalDate periodEnd,
    LocalDate dueDate,
    Instant dueAt,
    Optional<Deadline> extensionOf) {

  public Deadline {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(countedFrom, "countedFrom");
    Objects.requireNonNull(periodEnd, "periodEnd");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(extensionOf, "extensionOf");
  }

  /** The id of the calendar the deadline was counted on. */
  public String calendarId() {
    return rule.calendarId();
  }

  /** {@link #dueAt} as the wall-clock time in the jurisdiction's zone. */
  public LocalDateTime dueLocal() {
    return LocalDateTime.ofInstant(dueAt, zone);
  }

  public boolean isExtended() {
    return extensionOf.isPresent();
  }

  /**
   * The deadline that falls first, for a request to which several jurisdictions apply: meeting the
   * earliest meets them all. Ties keep the first in iteration order.
   *
   * @throws IllegalArgumentException when {@code deadlines} is empty
   */
  public static Deadline earliest(Collection<Deadline> deadlines) {
    return deadlines.stream()
        .min(Comparator.comparing(Deadline::dueAt))
        .orElseThrow(() -> new IllegalArgumentException("no deadlines to compare"));
  }
}
