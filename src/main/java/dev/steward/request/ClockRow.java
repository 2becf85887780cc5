package dev.steward.request;

import dev.steward.calendar.DeadlineRule;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One jurisdiction's clock on a request, as stored in {@code request_clock}.
 *
 * @param rule the deadline rule of the right, counted from receipt (or, UK, the latest of request
 *     and identity)
 * @param dueDate null while a UK clarification pause stops the clock
 * @param confirmBy when receipt must be confirmed under this jurisdiction, or null
 * @param extended whether the extension of this right has been applied
 * @param uncounted why the clock could not be counted (its calendar lacks a year the count needs,
 *     or cannot be used), or null; such a clock has no due date and is never taken for stopped
 * @param stoppedSince when the clarification that stops the clock was asked for, or null while it
 *     runs
 * @param daysLeftWhenResumed while stopped, the days of the period still to run once the answer
 *     arrives (UK GDPR Art. 12A); else null
 */
record ClockRow(
    String jurisdictionId,
    DeadlineRule rule,
    LocalDate countedFrom,
    int daysPaused,
    LocalDate dueDate,
    Instant dueAt,
    Instant confirmBy,
    boolean extended,
    String uncounted,
    Instant stoppedSince,
    Integer daysLeftWhenResumed) {

  boolean isStopped() {
    return stoppedSince != null;
  }

  boolean isUncounted() {
    return uncounted != null;
  }
}
