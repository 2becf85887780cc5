package dev.steward.calendar;

import java.util.Collection;
import java.util.List;

/** A deadline rule or a caller named a calendar id the policy does not declare. */
public class UnknownCalendarException extends CalendarUnavailableException {

  public UnknownCalendarException(String calendarId, Collection<String> knownIds) {
    super(
        "unknown-calendar",
        422,
        calendarId,
        "no calendar with id '"
            + calendarId
            + "' is declared in the policy; known calendars: "
            + (knownIds.isEmpty() ? "none" : String.join(", ", List.copyOf(knownIds))));
  }
}
