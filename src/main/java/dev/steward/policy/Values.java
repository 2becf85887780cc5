package dev.steward.policy;

import java.time.DateTimeException;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Checks of single values shared by the binders: ids, countries, zones and periods. */
final class Values {
  static final String EEA = "EEA";
  static final String EU = "EU";
  static final String WORLD = "WORLD";

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
  private static final Set<String> COUNTRIES =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

  private Values() {}

  /** The {@code id} of a mapping, reported when it is not lower-case letters, digits, _ . -. */
  static String id(Binding binding, Fields fields) {
    String id = fields.text("id");
    if (!id.isEmpty() && !ID.matcher(id).matches()) {
      binding.add(
          fields
              .where("id")
              .error(
                  "'" + id + "' is not a valid id",
                  "use lower-case letters, digits, '_', '.', '-'"));
    }
    return id;
  }

  static boolean isId(String text) {
    return ID.matcher(text).matches();
  }

  static boolean isCountry(String code) {
    return COUNTRIES.contains(code);
  }

  /** An ISO 3166-1 alpha-2 code (upper case); {@code extra} lists other accepted words. */
  static String country(Binding binding, Fields fields, String key, Set<String> extra) {
    String code = fields.text(key);
    checkCountry(binding, code, fields.where(key), extra);
    return code;
  }

  static void checkCountry(Binding binding, String code, Location where, Set<String> extra) {
    if (!code.isEmpty() && !isCountry(code) && !extra.contains(code)) {
      String also = extra.isEmpty() ? "" : " or one of " + String.join(", ", new TreeSet<>(extra));
      binding.add(
          where.error(
              "'" + code + "' is not a country code",
              "use an ISO 3166-1 alpha-2 code such as GB, US, CN" + also));
    }
  }

  static ZoneId zone(Binding binding, Fields fields, String key) {
    String text = fields.text(key);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      binding.add(
          fields
              .where(key)
              .error(
                  "'" + text + "' is not a time zone",
                  Suggestions.nearest(text, ZoneId.getAvailableZoneIds())
                      .map(zone -> "did you mean '" + zone + "'?")
                      .orElse("use an IANA zone such as Europe/London")));
      return null;
    }
  }

  static Period period(Binding binding, Fields fields, String key) {
    String text = fields.text(key);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Period.parse(text);
    } catch (DateTimeParseException e) {
      binding.add(
          fields
              .where(key)
              .error("'" + text + "' is not a period", "use ISO 8601: P6Y, P30D, P0D"));
      return null;
    }
  }
}
