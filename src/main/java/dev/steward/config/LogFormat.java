package dev.steward.config;

import java.util.Locale;

/**
 * How a serving node writes its log: {@code plain} lines for a person at a terminal (the default),
 * or {@code json}, one object per line for a log platform, with a line per HTTP call.
 */
public enum LogFormat {
  PLAIN,
  JSON;

  /**
   * @throws IllegalArgumentException naming the value when it is neither {@code plain} nor {@code
   *     json}
   */
  public static LogFormat of(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "plain", "text" -> PLAIN;
      case "json" -> JSON;
      default ->
          throw new IllegalArgumentException(
              "log-format must be plain or json, was '" + value + "'");
    };
  }
}
