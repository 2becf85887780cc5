package dev.steward.calendar;

import java.util.Map;

/**
 * The last year for which jollyday's data is complete, per country, where it is not unlimited.
 *
 * <p>Most countries are rules (fixed dates, n-th weekday, Easter) that hold for any year. Hong
 * Kong's lunar-calendar holidays (Lunar New Year, Ching Ming, the Buddha's Birthday, Tuen Ng,
 * Mid-Autumn, Chung Yeung) are listed date by date, and jollyday 1.5.0 lists them only up to 2024:
 * for 2025 it returns Christmas but not Lunar New Year. Those later years are therefore not covered
 * unless the policy adds them. Revisit this table when the jollyday version changes.
 */
final class JollydayDataHorizon {
  private static final Map<String, Integer> LAST_COMPLETE_YEAR = Map.of("HK", 2024);

  private JollydayDataHorizon() {}

  static boolean covers(String country, int year) {
    Integer last = LAST_COMPLETE_YEAR.get(country);
    return last == null || year <= last;
  }

  static String reason(String country) {
    Integer last = LAST_COMPLETE_YEAR.get(country);
    return last == null
        ? "jollyday has no data for that year"
        : "jollyday 1.5.0 lists " + country + "'s lunar-calendar holidays only up to " + last;
  }
}
