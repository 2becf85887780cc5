package dev.steward.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a sweep at {@code asOf} would delete, by rule, and what legal holds keep: the dry run, and
 * the console's "next run" counts. Ids and counts; a hold's reason is staff text and shown to staff
 * only.
 *
 * @param notSwept rules the sweep cannot count, each with the reason
 */
public record SweepReport(
    Instant asOf,
    String policyVersion,
    List<RuleCount> rules,
    List<HeldItem> held,
    Map<String, String> notSwept) {
  public SweepReport {
    rules = List.copyOf(rules);
    held = List.copyOf(held);
    notSwept = Map.copyOf(notSwept);
  }

  /** One rule: how many items are due in each system, and how many a hold keeps. */
  public record RuleCount(
      String rule, String start, String period, Map<String, Integer> dueBySystem, int held) {
    public RuleCount {
      dueBySystem = Map.copyOf(dueBySystem);
    }

    public int due() {
      return dueBySystem.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** An item a hold keeps, and why. */
  public record HeldItem(
      String rule,
      String system,
      String kind,
      String item,
      String category,
      String hold,
      String holdScope,
      String holdReason) {}

  public int due() {
    return rules.stream().mapToInt(RuleCount::due).sum();
  }

  public int heldCount() {
    return rules.stream().mapToInt(RuleCount::held).sum();
  }
}
