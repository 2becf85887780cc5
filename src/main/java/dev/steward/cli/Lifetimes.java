package dev.steward.cli;

import dev.steward.error.InvalidInputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses lifetimes written the way operators write them: {@code 90d}, {@code 12h}. */
final class Lifetimes {
  private static final Pattern LIFETIME = Pattern.compile("(\\d{1,4})([dh])");

  private Lifetimes() {}

  static Duration parse(String option, String value) {
    Matcher matcher = value == null ? null : LIFETIME.matcher(value.strip());
    if (matcher == null || !matcher.matches()) {
      throw new InvalidInputException(
          option + ": '" + value + "' is not a lifetime; write days or hours, e.g. 90d or 12h");
    }
    long amount = Long.parseLong(matcher.group(1));
    return matcher.group(2).equals("d") ? Duration.ofDays(amount) : Duration.ofHours(amount);
  }
}
