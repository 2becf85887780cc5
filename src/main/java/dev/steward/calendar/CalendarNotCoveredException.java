package dev.steward.calendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A holiday calendar was asked about a day in a year it has no data for. Steward refuses to guess
 * whether such a day is a working day: a wrong guess moves a legal deadline. The fix is to add the
 * year to the calendar in the policy file.
 */
public class CalendarNotCoveredException extends CalendarUnavailableException {
  private final int year;
  private final LocalDate date;

  /**
   * @param calendarId the calendar asked
   * @param year the year it has no data for
   * @param date the day asked about, or null when a whole range was checked
   * @param remedy what the policy author should add, e.g. "add that year's State Council dates"
   */
  public CalendarNotCoveredException(String calendarId, int year, LocalDate date, String remedy) {
    super("calendar-not-covered", 422, calendarId, message(calendarId, year, date, remedy));
    this.year = year;
    this.date = date;
  }

  private static String message(String calendarId, int year, LocalDate date, String remedy) {
    String asked = date == null ? "" : " (asked about " + date + ")";
    return "calendar " + calendarId + " has no holiday data for " + year + asked + "; " + remedy;
  }

  public int year() {
    return year;
  }

  /** The day that was asked about, when a single day was. */
  public Optional<LocalDate> date() {
    return Optional.ofNullable(date);
  }
}
