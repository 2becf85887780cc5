package dev.steward.policy;

import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * What was added, removed and changed between two policies, section by section, with the changes
 * that are significant for notification flagged: a new purpose, a new recipient or transfer, a new
 * category, a longer retention, a purpose newly used for marketing, sale or profiling, a right
 * taken away or a deadline made longer. Stateless.
 */
public final class PolicyDiff {
  private final List<PolicyChange> changes = new ArrayList<>();

  private PolicyDiff() {}

  public static List<PolicyChange> between(Policy older, Policy newer) {
    PolicyDiff diff = new PolicyDiff();
    diff.section(
        "purposes",
        older.purposes(),
        newer.purposes(),
        Purpose::id,
        true,
        PolicyDiff::purposeWidened);
    diff.section(
        "categories",
        older.allCategories(),
        newer.allCategories(),
        Category::id,
        true,
        (a, b) -> false);
    diff.section(
        "recipients",
        older.recipients(),
        newer.recipients(),
        Recipient::id,
        true,
        (a, b) ->
            !a.categories().containsAll(b.categories()) || !a.purposes().containsAll(b.purposes()));
    diff.section(
        "transfers",
        older.transfers(),
        newer.transfers(),
        Transfer::id,
        true,
        (a, b) -> !a.to().containsAll(b.to()) || !a.categories().containsAll(b.categories()));
    diff.section(
        "retention",
        older.retentionRules(),
        newer.retentionRules(),
        RetentionRule::id,
        false,
        PolicyDiff::longerRetention);
    diff.section("entities", older.entities(), newer.entities(), Entity::id, true, (a, b) -> false);
    diff.section("sources", older.sources(), newer.sources(), Source::id, true, (a, b) -> false);
    diff.section(
        "systems", older.systems(), newer.systems(), DataSystem::id, false, (a, b) -> false);
    diff.section(
        "trackers", older.trackers(), newer.trackers(), Tracker::id, true, (a, b) -> false);
    diff.section("forms", older.forms(), newer.forms(), Form::id, false, (a, b) -> false);
    diff.rights(older, newer);
    return List.copyOf(diff.changes);
  }

  /**
   * Compares one section by id.
   *
   * @param addedIsSignificant whether a new item of this section must be notified
   * @param changeIsSignificant whether a changed item is significant, given old and new
   */
  private <T> void section(
      String section,
      List<T> older,
      List<T> newer,
      Function<T, String> id,
      boolean addedIsSignificant,
      BiPredicate<T, T> changeIsSignificant) {
    Map<String, T> before = index(older, id);
    Map<String, T> after = index(newer, id);
    after.forEach(
        (key, item) -> {
          T previous = before.get(key);
          if (previous == null) {
            changes.add(
                new PolicyChange(
                    section, key, PolicyChange.Kind.ADDED, "added", addedIsSignificant));
          } else if (!Objects.equals(previous, item)) {
            changes.add(
                new PolicyChange(
                    section,
                    key,
                    PolicyChange.Kind.CHANGED,
                    Changes.describe(previous, item),
                    changeIsSignificant.test(previous, item)));
          }
        });
    before.keySet().stream()
        .filter(key -> !after.containsKey(key))
        .forEach(
            key ->
                changes.add(
                    new PolicyChange(section, key, PolicyChange.Kind.REMOVED, "removed", false)));
  }

  private void rights(Policy older, Policy newer) {
    for (Jurisdiction jurisdiction : newer.jurisdictions()) {
      Jurisdiction previous = older.jurisdiction(jurisdiction.id()).orElse(null);
      if (previous == null) {
        changes.add(
            new PolicyChange(
                "jurisdictions", jurisdiction.id(), PolicyChange.Kind.ADDED, "added", false));
        continue;
      }
      section(
          "rights:" + jurisdiction.id(),
          previous.rights(),
          jurisdiction.rights(),
          right -> right.type().name().toLowerCase(java.util.Locale.ROOT),
          false,
          (a, b) -> Changes.days(b.deadline()) > Changes.days(a.deadline()));
      // A right taken away is significant: people rely on what the notice promised them.
      for (PolicyChange change : List.copyOf(changes)) {
        if (change.section().equals("rights:" + jurisdiction.id())
            && change.kind() == PolicyChange.Kind.REMOVED
            && !change.significant()) {
          changes.set(
              changes.indexOf(change),
              new PolicyChange(
                  change.section(), change.id(), change.kind(), change.detail(), true));
        }
      }
    }
    for (Jurisdiction previous : older.jurisdictions()) {
      if (newer.jurisdiction(previous.id()).isEmpty()) {
        changes.add(
            new PolicyChange(
                "jurisdictions", previous.id(), PolicyChange.Kind.REMOVED, "removed", true));
      }
    }
  }

  private static boolean purposeWidened(Purpose a, Purpose b) {
    return !a.categories().containsAll(b.categories())
        || (!a.directMarketing() && b.directMarketing())
        || (!a.saleOrSharing() && b.saleOrSharing())
        || (!a.profiling() && b.profiling())
        || !a.legalBases().equals(b.legalBases());
  }

  private static boolean longerRetention(RetentionRule a, RetentionRule b) {
    return approximateDays(b.period()) > approximateDays(a.period())
        || !a.categories().containsAll(b.categories());
  }

  static long approximateDays(Period period) {
    return period.getYears() * 366L + period.getMonths() * 31L + period.getDays();
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    items.forEach(item -> byId.put(id.apply(item), item));
    return byId;
  }
}
