package dev.steward.policy;

import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the merged YAML tree into a {@link Policy}, reporting every structural problem (unknown or
 * missing keys, wrong types, malformed values) on the way. The result may be incomplete when there
 * were errors; it then serves only the semantic rules, never callers.
 */
final class PolicyBinder {
  private PolicyBinder() {}

  static Policy bind(Node.Mapping root, Binding binding) {
    Fields f = Fields.of(binding, root, "policy");
    String effectiveDate = f.text("effective_date");
    if (!effectiveDate.isEmpty() && Policy.parseEffectiveDate(effectiveDate).isEmpty()) {
      binding.add(
          f.where("effective_date")
              .error(
                  "'" + effectiveDate + "' is not an effective date",
                  "use YYYY-MM-DD, or YYYY-MM when only the month is known"));
    }
    EntityBinder entities = new EntityBinder(binding);
    DataMapBinder dataMap = new DataMapBinder(binding);
    ProcessingBinder processing = new ProcessingBinder(binding);
    RecordsBinder records = new RecordsBinder(binding);
    Policy policy =
        new Policy(
            f.text("version"),
            effectiveDate,
            entities.regions(f),
            entities.entities(f),
            entities.jointControllers(f),
            entities.dpo(f),
            dataMap.subjectTypes(f),
            dataMap.identityTypes(f),
            dataMap.categories(f),
            dataMap.sources(f),
            dataMap.systems(f),
            processing.purposes(f),
            processing.recipients(f),
            processing.transfers(f),
            processing.trackers(f),
            processing.forms(f),
            records.retentionRules(f),
            records.exemptions(f),
            records.documents(f),
            new JurisdictionBinder(binding).jurisdictions(f),
            new CalendarBinder(binding).calendars(f),
            records.changeNotification(f),
            f.flag("directed_at_children"),
            financialYearEnd(f, binding),
            f.flag("demo"),
            translations(f, binding));
    return binding.origin(policy, f);
  }

  /**
   * {@code translations: {zh-CN: {"text as written": "its translation"}}}: per language, the texts
   * of the file in another language, used by the documents written in it.
   */
  private static Map<String, Map<String, String>> translations(Fields f, Binding binding) {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    Node node = f.node().get("translations").orElse(null);
    if (node == null) {
      return result;
    }
    if (!(node instanceof Node.Mapping languages)) {
      binding.add(
          node.location()
              .error(
                  "'translations' must map a language to its texts",
                  "e.g. translations: {zh-CN: {\"Contact details\": \"联系方式\"}}"));
      return result;
    }
    for (Node.Entry language : languages.entries().values()) {
      if (!language.key().matches("[a-z]{2,3}(-[A-Z]{2})?")) {
        binding.add(
            language
                .keyLocation()
                .error(
                    "'" + language.key() + "' is not a language tag",
                    "use a BCP 47 tag such as zh-CN"));
        continue;
      }
      Map<String, String> texts = new LinkedHashMap<>();
      if (language.value() instanceof Node.Mapping mapping) {
        for (Node.Entry text : mapping.entries().values()) {
          if (text.value() instanceof Node.Scalar scalar && !scalar.isEmpty()) {
            texts.put(text.key().strip(), scalar.text().strip());
          } else {
            binding.add(
                text.value()
                    .location()
                    .error("the translation of '" + text.key() + "' must be a single text", ""));
          }
        }
      } else {
        binding.add(
            language
                .value()
                .location()
                .error(
                    "translations into "
                        + language.key()
                        + " must map each text to its translation",
                    ""));
      }
      result.put(language.key(), texts);
    }
    return result;
  }

  /** {@code MM-DD}; 31 December when absent, the most common financial year. */
  private static MonthDay financialYearEnd(Fields f, Binding binding) {
    String text = f.text("financial_year_end");
    MonthDay end = MonthDay.of(12, 31);
    if (text.isEmpty()) {
      return end;
    }
    try {
      end = MonthDay.parse(text.startsWith("--") ? text : "--" + text);
    } catch (DateTimeParseException e) {
      binding.add(
          f.where("financial_year_end")
              .error(
                  "'" + text + "' is not a day of the year",
                  "write the financial year's last day as MM-DD, e.g. \"03-31\""));
      return MonthDay.of(12, 31);
    }
    if (end.equals(MonthDay.of(2, 29))) {
      binding.add(
          f.where("financial_year_end")
              .error(
                  "a financial year cannot end on 29 February, which most years lack",
                  "use \"02-28\""));
    }
    return end;
  }
}
