package dev.steward.policy;

import dev.steward.calendar.DeadlineRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Binds {@code {count, amount, calendar}} mappings to {@link DeadlineRule}s. A rule without its own
 * calendar counts on the calendar of the jurisdiction it belongs to.
 */
final class DeadlineBinder {
  private final Binding binding;

  DeadlineBinder(Binding binding) {
    this.binding = binding;
  }

  Optional<DeadlineRule> deadline(Fields parent, String key, String defaultCalendar) {
    Fields f = parent.child(key, "deadline");
    return f == null ? Optional.empty() : rule(f, defaultCalendar);
  }

  Optional<Jurisdiction.Extension> extension(Fields parent, String defaultCalendar) {
    Fields f = parent.child("extension", "extension");
    if (f == null) {
      return Optional.empty();
    }
    return rule(f, defaultCalendar)
        .map(rule -> binding.origin(new Jurisdiction.Extension(rule, f.text("condition")), f));
  }

  /** The rule, or empty when a part is missing or wrong (already reported). */
  Optional<DeadlineRule> rule(Fields f, String defaultCalendar) {
    DeadlineRule.Count count = count(f);
    Integer amount = f.amount("amount");
    String calendar = f.optionalText("calendar").orElse(defaultCalendar);
    if (count == null || amount == null || calendar.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(binding.origin(new DeadlineRule(count, amount, calendar), f));
  }

  private DeadlineRule.Count count(Fields f) {
    String text = f.text("count");
    if (text.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (DeadlineRule.Count count : DeadlineRule.Count.values()) {
      String name = count.name().toLowerCase(Locale.ROOT);
      if (name.equals(text)) {
        return count;
      }
      names.add(name);
    }
    binding.add(
        f.where("count")
            .error("'" + text + "' is not a way of counting time", Suggestions.hint(text, names)));
    return null;
  }
}
