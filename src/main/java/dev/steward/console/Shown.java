package dev.steward.console;

import dev.steward.web.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console writes dates and time left: the same digits in every language, UTC. */
public final class Shown {
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Shown() {}

  public static String at(Instant at) {
    return at == null ? "–" : AT.format(at);
  }

  public static String day(LocalDate day) {
    return day == null ? "–" : day.toString();
  }

  /** "2 days 3 hours left", or "overdue by …" once {@code due} has passed. */
  static String left(Text text, Instant due, Instant now) {
    if (due == null) {
      return text.get("console.time.none");
    }
    Duration gap = Duration.between(now, due);
    boolean overdue = gap.isNegative();
    Duration size = gap.abs();
    String amount = text.get("console.time.amount", size.toDays(), size.toHoursPart());
    return text.get(overdue ? "console.time.overdue" : "console.time.left", amount);
  }
}
