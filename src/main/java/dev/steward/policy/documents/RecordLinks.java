package dev.steward.policy.documents;

import dev.steward.policy.Policy;
import dev.steward.policy.Purpose;
import dev.steward.policy.Recipient;
import dev.steward.policy.RetentionRule;
import dev.steward.policy.Transfer;
import java.util.List;

/**
 * Which recipients, transfers and retention rules concern a purpose. A recipient or rule that names
 * no purpose concerns every purpose whose data it covers; categories match when one is the other or
 * one of its descendants.
 */
final class RecordLinks {
  private RecordLinks() {}

  /**
   * GDPR Art. 30(1)(d): the recipients of a purpose's data. A recipient receives a purpose's data
   * only through a category both name; one naming its purposes is limited to them. A recipient
   * stating no category at all cannot be placed, so it is listed under every purpose it may serve
   * rather than dropped from the record.
   */
  static List<Recipient> recipients(Policy policy, Purpose purpose) {
    return policy.recipients().stream()
        .filter(r -> r.purposes().isEmpty() || r.purposes().contains(purpose.id()))
        .filter(r -> r.categories().isEmpty() || overlaps(r.categories(), purpose.categories()))
        .toList();
  }

  static List<Transfer> transfers(Policy policy, Purpose purpose) {
    return policy.transfers().stream()
        .filter(t -> overlaps(t.categories(), purpose.categories()))
        .toList();
  }

  static List<RetentionRule> retention(Policy policy, Purpose purpose) {
    return policy.retentionRules().stream()
        .filter(
            rule ->
                rule.purposes().contains(purpose.id())
                    || (rule.purposes().isEmpty()
                        && overlaps(rule.categories(), purpose.categories())))
        .toList();
  }

  static boolean overlaps(List<String> some, List<String> others) {
    return some.stream().anyMatch(a -> others.stream().anyMatch(b -> related(a, b)));
  }

  /** Same rule as {@link dev.steward.policy.Category#covers}, in both directions. */
  private static boolean related(String a, String b) {
    return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".");
  }
}
