package dev.steward.policy;

import java.time.MonthDay;
import java.time.format.DateTimeParseException;

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
            f.flag("demo"));
    return binding.origin(policy, f);
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
