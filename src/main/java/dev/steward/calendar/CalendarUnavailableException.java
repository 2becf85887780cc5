package dev.steward.calendar;

import dev.steward.error.StewardException;

/**
 * A clock cannot be counted on the calendar its rule names: the policy does not declare it, its
 * declaration is unusable, or it has no data for a year the count needs. A request is still taken
 * in when this happens: the clock is kept uncounted with the message, shown to staff, and counted
 * again once a policy that fixes it is in force; never guessed.
 */
public abstract class CalendarUnavailableException extends StewardException {
  private final String calendarId;

  protected CalendarUnavailableException(
      String kind, int httpStatus, String calendarId, String message) {
    super(kind, httpStatus, message);
    this.calendarId = calendarId;
  }

  /** The calendar that was asked for. */
  public String calendarId() {
    return calendarId;
  }
}
