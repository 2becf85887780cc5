package dev.steward.policy.documents;

import dev.steward.calendar.DeadlineRule;
import dev.steward.policy.Policy;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Steward's own wording for one language, from the {@code messages} bundles, plus the ways values
 * of the policy are put into words there: periods, deadlines, countries, dates, and the neutral
 * phrase for what the policy leaves {@code unstated}. Thread-safe.
 */
final class Wording {
  private static final String BUNDLE = "dev.steward.policy.documents.messages";

  private final DocumentLanguage language;
  private final ResourceBundle bundle;
  private final boolean forPublic;

  Wording(DocumentLanguage language) {
    this(language, false);
  }

  private Wording(DocumentLanguage language, boolean forPublic) {
    this.language = language;
    this.forPublic = forPublic;
    // No fallback to the JVM's default locale: the base bundle is the English text.
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            language.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  DocumentLanguage language() {
    return language;
  }

  /**
   * The wording of a document the public reads (the notice): what the policy leaves open is not
   * announced as a gap, which only the record of processing shows; a table cell reads "—" and a
   * sentence about the open fact is left out.
   */
  Wording forPublic() {
    return new Wording(language, true);
  }

  /** Whether sentences about facts the policy leaves open are to be left out. */
  boolean forPublicNotice() {
    return forPublic;
  }

  /** Whether {@code value} is a fact the policy leaves open. */
  static boolean isUnstated(String value) {
    return value == null || value.isBlank() || Policy.UNSTATED.equals(value);
  }

  /** The items of a list; for the public, nothing rather than a "not stated" item. */
  List<String> orNothing(List<String> items) {
    return items.isEmpty() && !forPublic ? List.of(unstated()) : items;
  }

  /** The text under {@code key}, with {@code {0}}, {@code {1}} ... replaced by the arguments. */
  String text(String key, Object... args) {
    String text;
    try {
      text = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no text for '" + key + "' in " + language.tag(), e);
    }
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  /** The keys that start with {@code prefix}. */
  java.util.Set<String> keys(String prefix) {
    return bundle.keySet().stream()
        .filter(k -> k.startsWith(prefix))
        .collect(java.util.stream.Collectors.toSet());
  }

  boolean hasText(String key) {
    return bundle.containsKey(key);
  }

  /** The label of a choice of the policy, e.g. {@code channel.EMAIL}. */
  String label(String prefix, Enum<?> value) {
    if (forPublic && value.name().equals("UNSTATED")) {
      return unstated();
    }
    return text(prefix + "." + value.name());
  }

  <E extends Enum<E>> String labels(String prefix, Collection<E> values) {
    return values.isEmpty()
        ? unstated()
        : join(values.stream().map(v -> label(prefix, v)).toList());
  }

  String unstated() {
    return text(forPublic ? "unstated.public" : "unstated");
  }

  /** The value, or the "not stated" phrase where the policy leaves it open. */
  String orUnstated(String value) {
    return isUnstated(value) ? unstated() : value;
  }

  /** The items joined as a list in this language; "not stated" for an empty list. */
  String join(List<String> items) {
    return items.isEmpty() ? unstated() : String.join(text("list.separator"), items);
  }

  String country(String code) {
    if (Policy.UNSTATED.equals(code)) {
      return unstated();
    }
    if (code.equals("EEA") || code.equals("EU") || code.equals("WORLD")) {
      return text("country." + code);
    }
    String name = new Locale("", code).getDisplayCountry(language.locale());
    return name.isEmpty() || name.equals(code) ? code : name;
  }

  String legalBasis(String dpvId) {
    String key = "basis." + dpvId.replace("dpv:", "");
    return bundle.containsKey(key) ? text(key) : dpvId;
  }

  String period(Period period) {
    List<String> parts = new ArrayList<>();
    addUnit(parts, period.getYears(), "unit.years");
    addUnit(parts, period.getMonths(), "unit.months");
    addUnit(parts, period.getDays(), "unit.days");
    return parts.isEmpty() ? text("unit.none") : String.join(" ", parts);
  }

  private void addUnit(List<String> parts, int amount, String key) {
    if (amount != 0) {
      parts.add(counted(key, amount));
    }
  }

  String deadline(DeadlineRule rule) {
    return counted("count." + rule.count().name(), rule.amount());
  }

  /** The text for an amount, using the {@code .one} form where the language has one. */
  private String counted(String key, int amount) {
    return amount == 1 && hasText(key + ".one") ? text(key + ".one", amount) : text(key, amount);
  }

  /** A day of every year, such as the end of a financial year: "31 March". */
  String dayOfYear(MonthDay day) {
    return day.format(DateTimeFormatter.ofPattern(text("format.day-of-year"), language.locale()));
  }

  /** {@code 2019-10} as "October 2019", a full date in the language's long form. */
  String date(String effectiveDate) {
    if (effectiveDate.length() == 7) {
      LocalDate first = LocalDate.parse(effectiveDate + "-01");
      return first.format(DateTimeFormatter.ofPattern(text("format.month"), language.locale()));
    }
    return LocalDate.parse(effectiveDate)
        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()));
  }
}
