package dev.steward.policy;

import java.util.List;
import java.util.Optional;

/** Binds the rules around the data: retention, exemptions, documents, change notification. */
final class RecordsBinder {
  private final Binding binding;

  RecordsBinder(Binding binding) {
    this.binding = binding;
  }

  List<RetentionRule> retentionRules(Fields root) {
    return binding.mappings(root, "retention", "retention_rule").stream()
        .map(
            f -> {
              RetentionRule rule =
                  new RetentionRule(
                      Values.id(binding, f),
                      f.texts("categories"),
                      f.texts("purposes"),
                      Values.period(binding, f, "period"),
                      f.choice("start", RetentionRule.Start.class),
                      f.choice("action", RetentionRule.Action.class));
              if (rule.categories().isEmpty() && rule.purposes().isEmpty()) {
                binding.add(
                    f.node()
                        .location()
                        .error(
                            "retention rule '" + rule.id() + "' applies to nothing",
                            "name 'categories:' or 'purposes:'"));
              }
              if (rule.period() != null && rule.period().isNegative()) {
                binding.add(
                    f.where("period")
                        .error(
                            "retention rule '" + rule.id() + "' has a negative period",
                            "count forward from the start event: P6Y, P30D, P0D"));
              }
              // Steward keeps whether, not when, it learned that a person is under 13, and the
              // data of a child collected without a parent's consent goes at once (COPPA, 16 CFR
              // §312.10; GDPR Art. 8 and 17(1)(f)): a sweep cannot count a longer period.
              if (rule.start() == RetentionRule.Start.LEARNED_UNDER_13
                  && rule.period() != null
                  && !rule.period().isZero()) {
                binding.add(
                    f.where("period")
                        .error(
                            "retention rule '"
                                + rule.id()
                                + "' keeps a child's data for "
                                + rule.period()
                                + " after learning the child is under 13",
                            "use 'period: P0D': the data is deleted as soon as this is learned"));
              }
              return binding.origin(rule, f);
            })
        .toList();
  }

  List<Exemption> exemptions(Fields root) {
    return binding.mappings(root, "exemptions", "exemption").stream()
        .map(
            f ->
                binding.origin(
                    new Exemption(
                        Values.id(binding, f),
                        f.choice("ground", Exemption.Ground.class),
                        f.choices("rights", RequestType.class)),
                    f))
        .toList();
  }

  List<OfferedDocument> documents(Fields root) {
    return binding.mappings(root, "documents", "document").stream()
        .map(
            f ->
                binding.origin(
                    new OfferedDocument(
                        Values.id(binding, f),
                        f.text("name"),
                        f.choice("kind", OfferedDocument.Kind.class),
                        f.text("contact"),
                        f.optionalText("url")),
                    f))
        .toList();
  }

  Optional<ChangeNotification> changeNotification(Fields root) {
    Fields f = root.child("change_notification", "change_notification");
    if (f == null) {
      return Optional.empty();
    }
    return Optional.of(
        binding.origin(
            new ChangeNotification(f.choices("channels", Channel.class), f.text("scope")), f));
  }
}
