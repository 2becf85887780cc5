package dev.steward.policy;

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
            records.changeNotification(f));
    return binding.origin(policy, f);
  }
}
