package dev.steward.policy;

import dev.steward.calendar.DeadlineRule;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Describes how two versions of one policy item differ, field by field. */
final class Changes {
  private Changes() {}

  /** e.g. {@code "period: P6Y → P7Y; categories: [a] → [a, b]"}; records only. */
  static String describe(Object before, Object after) {
    if (!before.getClass().isRecord() || before.getClass() != after.getClass()) {
      return "changed";
    }
    List<String> parts = new ArrayList<>();
    for (RecordComponent component : before.getClass().getRecordComponents()) {
      try {
        Object a = component.getAccessor().invoke(before);
        Object b = component.getAccessor().invoke(after);
        if (!Objects.equals(a, b)) {
          parts.add(component.getName() + ": " + a + " → " + b);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("record accessor not callable: " + component, e);
      }
    }
    return parts.isEmpty() ? "changed" : String.join("; ", parts);
  }

  /** A rough length in days, only to tell whether a deadline got longer. */
  static double days(DeadlineRule rule) {
    return switch (rule.count()) {
      case GDPR_MONTHS, UK_MONTHS -> rule.amount() * 31.0;
      case CALENDAR_DAYS -> rule.amount();
      case BUSINESS_DAYS -> rule.amount() * 7.0 / 5.0;
      case HOURS -> rule.amount() / 24.0;
    };
  }
}
