package dev.steward.calendar;

import java.util.Objects;

/**
 * How a legal period is counted: what unit, how many, and on which holiday calendar. Values come
 * from the policy file; this type carries no defaults of its own.
 *
 * @param count the counting method
 * @param amount how many units (months, days, business days or hours); zero or more
 * @param calendarId the id of a {@link CalendarSpec} of the policy, whose working days the count
 *     uses; the zone in which dates are computed is the jurisdiction's ({@link LegalClock})
 */
public record DeadlineRule(Count count, int amount, String calendarId) {
  public DeadlineRule {
    Objects.requireNonNull(count, "count");
    Objects.requireNonNull(calendarId, "calendarId");
    if (amount < 0) {
      throw new IllegalArgumentException("amount cannot be negative: " + amount);
    }
  }

  /** Counting methods named by the policy file as {@code gdpr_months}, {@code uk_months} ... */
  public enum Count {
    /**
     * Regulation 1182/71 Art. 3: same date next month, last day if none, rolled to a working day.
     */
    GDPR_MONTHS,
    /** ICO guidance: as the GDPR month, restarting from the latest of request, identity and fee. */
    UK_MONTHS,
    /** Calendar days after the day of receipt; the end is not moved off weekends. */
    CALENDAR_DAYS,
    /** Working days of the named calendar after the day of receipt. */
    BUSINESS_DAYS,
    /** Elapsed hours from an instant (breach clocks); no calendar rolling. */
    HOURS
  }
}
