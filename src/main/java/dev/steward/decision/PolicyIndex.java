package dev.steward.decision;

import dev.steward.policy.Category;
import dev.steward.policy.DataSystem;
import dev.steward.policy.LegalBasis;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.PublishedPolicy;
import dev.steward.policy.Purpose;
import dev.steward.policy.RetentionRule;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A published policy as {@link DecisionRules} reads it, worked out once per version rather than per
 * decision: purposes and systems by id, and the category ids each purpose, system, retention rule
 * and the special or criminal categories cover (a category covers its descendants). A question's
 * categories are checked against the policy's before any of these sets is read, so "is {@code x} in
 * the set" answers "does a declared category cover {@code x}". Immutable.
 */
final class PolicyIndex {
  /**
   * Bases on which a purpose is necessary for what the person asked for or the law demands: uses of
   * sensitive data a limit still allows (11 CCR 7027(m)), and bases an objection under Art. 21(1)
   * does not reach.
   */
  private static final Set<String> NECESSARY =
      Set.of(
          LegalBasis.CONTRACT,
          "dpv:ContractPerformance",
          "dpv:EnterIntoContract",
          LegalBasis.LEGAL_OBLIGATION,
          "dpv:VitalInterest",
          "dpv:VitalInterestOfDataSubject");

  /** A purpose and what the rules ask of it. */
  record Use(
      Purpose purpose,
      Set<String> categories,
      boolean consentBased,
      boolean legitimateInterest,
      boolean necessary) {}

  /** A system and the category ids it is declared to hold. */
  record Holder(DataSystem system, Set<String> categories) {}

  /** A retention rule and the category ids it covers. */
  record Retention(RetentionRule rule, Set<String> categories) {}

  private final PublishedPolicy published;
  private final Set<String> categories;
  private final Set<String> sensitive;
  private final Map<String, Use> uses;
  private final Map<String, Holder> holders;
  private final List<Retention> retention;
  private final Decision allow;

  PolicyIndex(PublishedPolicy published) {
    this.published = published;
    Policy policy = published.policy();
    List<String> all = policy.allCategories().stream().map(Category::id).toList();
    this.categories = Set.copyOf(all);
    this.sensitive =
        covered(
            all,
            policy.allCategories().stream()
                .filter(c -> c.special() || c.criminal())
                .map(Category::id)
                .toList());
    this.uses =
        policy.purposes().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Purpose::id,
                    p ->
                        new Use(
                            p,
                            covered(all, p.categories()),
                            p.isConsentBased(),
                            p.reliesOnLegitimateInterest(),
                            p.legalBases().stream().anyMatch(NECESSARY::contains)),
                    (a, b) -> a));
    this.holders =
        policy.systems().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    DataSystem::id, s -> new Holder(s, covered(all, s.categories())), (a, b) -> a));
    this.retention =
        policy.retentionRules().stream()
            .map(r -> new Retention(r, covered(all, r.categories())))
            .toList();
    this.allow = Decision.allow(published.version());
  }

  /** The category ids among {@code all} that one of {@code declared} covers. */
  private static Set<String> covered(List<String> all, Collection<String> declared) {
    return all.stream()
        .filter(x -> declared.stream().anyMatch(c -> Category.covers(c, x)))
        .collect(Collectors.toUnmodifiableSet());
  }

  PublishedPolicy published() {
    return published;
  }

  Policy policy() {
    return published.policy();
  }

  String version() {
    return published.version();
  }

  /** The allow of this version; one instance, as decisions are immutable. */
  Decision allow() {
    return allow;
  }

  boolean declaresCategory(String id) {
    return categories.contains(id);
  }

  /** The purpose with this id, or null when the policy declares none. */
  Use use(String purpose) {
    return uses.get(purpose);
  }

  /** The system with this id, or null when the policy declares none. */
  Holder holder(String system) {
    return holders.get(system);
  }

  List<Retention> retention() {
    return retention;
  }

  /** One of {@code ids} (each a category of the policy) is special or criminal. */
  boolean anySensitive(List<String> ids) {
    for (String id : ids) {
      if (sensitive.contains(id)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The index of the version in force, built once per version (the published policy is compared by
   * identity, so a new version, or the same one read anew, gets an index of its own). Thread-safe.
   */
  static final class Current {
    private final PublishedPolicies policies;
    private volatile PolicyIndex last;

    Current(PublishedPolicies policies) {
      this.policies = policies;
    }

    PolicyIndex get() {
      PublishedPolicy current = policies.current();
      PolicyIndex known = last;
      if (known == null || known.published != current) {
        known = new PolicyIndex(current);
        last = known;
      }
      return known;
    }
  }
}
