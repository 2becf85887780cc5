package dev.steward.calendar;

/**
 * The policy in force declares this calendar in a way that cannot be used (see {@link
 * CalendarDefect}); only a policy published before the check refused such files can hold one. The
 * remedy is to publish a policy that fixes the declaration.
 */
public class CalendarUnusableException extends CalendarUnavailableException {
  private final String reason;

  public CalendarUnusableException(String calendarId, String reason) {
    super(
        "calendar-unusable",
        500,
        calendarId,
        "calendar "
            + calendarId
            + " of the policy in force cannot be used: "
            + reason
            + "; publish a policy that corrects it");
    this.reason = reason;
  }

  /** What is wrong with the declaration. */
  public String reason() {
    return reason;
  }
}
