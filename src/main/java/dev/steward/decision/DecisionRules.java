package dev.steward.decision;

import dev.steward.consent.OptOutKind;
import dev.steward.consent.PartyState;
import dev.steward.decision.DecisionContext.Activity;
import dev.steward.policy.Category;
import dev.steward.policy.DataSystem;
import dev.steward.policy.LegalBasis;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicy;
import dev.steward.policy.Purpose;
import dev.steward.policy.RetentionRule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The order of checks of RULES.md ("Decisions: what blocks a use of data"), as one pure function of
 * the policy in force, the party's state and the question: the first rule that applies wins and
 * names its {@link ReasonCode}. An identity Steward does not know has an empty state, so a
 * consent-based purpose denies ({@code no_consent}) and any other is allowed unless the identity is
 * on the suppression list, which is, for now, the opt-outs recorded under its keyed hash.
 * Stateless; thread-safe.
 */
final class DecisionRules {
  /** GDPR Art. 18(2): what a restriction still allows without the person's consent. */
  private static final Set<Activity> RESTRICTION_ALLOWS =
      EnumSet.of(
          Activity.STORAGE,
          Activity.LEGAL_CLAIMS,
          Activity.PROTECTION_OF_OTHERS,
          Activity.PUBLIC_INTEREST);

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

  private DecisionRules() {}

  static Decision decide(
      PublishedPolicy published, PartyState state, DecisionQuery query, Instant now) {
    Policy policy = published.policy();
    String version = published.version();
    Optional<Purpose> purpose = policy.purpose(query.purpose());
    DecisionContext context = query.context();

    if (state.erased()) {
      return Decision.deny(ReasonCode.SUBJECT_ERASED, version);
    }
    // COPPA (16 CFR 312.10): a child's data may be kept only to delete it once learned of.
    boolean under13 = state.under13() || (context.age() != null && context.age() < 13);
    if (under13 && context.activity() != Activity.DELETION) {
      return Decision.deny(ReasonCode.CHILD_UNDER_13, version);
    }
    // GDPR Art. 18(2): storage, legal claims, another's rights, public interest, or consent.
    if (state.restricted()
        && !RESTRICTION_ALLOWS.contains(context.activity())
        && !(purpose.isPresent()
            && purpose.get().isConsentBased()
            && state.liveConsent(query.purpose(), now))) {
      return Decision.deny(ReasonCode.RESTRICTED, version);
    }
    if (purpose.isEmpty()) {
      return Decision.deny(ReasonCode.PURPOSE_NOT_DECLARED, version);
    }
    Optional<ReasonCode> undeclared = undeclared(policy, purpose.get(), query);
    if (undeclared.isPresent()) {
      return Decision.deny(undeclared.get(), version);
    }
    if (retentionExpired(policy, state, query, now)) {
      return Decision.deny(ReasonCode.RETENTION_EXPIRED, version);
    }
    Purpose use = purpose.get();
    // Cal. Civ. Code 1798.120, 11 CCR 7025-7026: an opt-out (a GPC signal too) stops sale/sharing.
    Optional<String> saleOptOut = state.optedOut(OptOutKind.SALE_SHARING);
    if (use.saleOrSharing() && saleOptOut.isPresent()) {
      return Decision.deny(ReasonCode.OPTED_OUT_SALE_SHARING, version, saleOptOut.get());
    }
    // 1798.121, 11 CCR 7027: after a limit, sensitive data serves only what is necessary. Checked
    // beside the opt-out of sale, which RULES.md's order names; it is the same kind of opt-out.
    Optional<String> limit = state.optedOut(OptOutKind.SENSITIVE_USE);
    if (limit.isPresent() && sensitive(policy, query) && !necessary(use)) {
      return Decision.deny(ReasonCode.LIMITED_SENSITIVE_USE, version, limit.get());
    }
    // GDPR Art. 21(2)-(3): an objection to direct marketing stops all of it, absolutely, whether
    // made in a request (objections) or through the opt-out API (no verification, RULES.md).
    if (use.directMarketing()) {
      Optional<String> objection = state.optedOut(OptOutKind.DIRECT_MARKETING);
      if (objection.isPresent()) {
        return Decision.deny(ReasonCode.OBJECTED_DIRECT_MARKETING, version, objection.get());
      }
      if (state.objectedTo(use.id()) || state.objectedTo("direct_marketing")) {
        return Decision.deny(ReasonCode.OBJECTED_DIRECT_MARKETING, version);
      }
      // RULES.md: an unsubscribe stops that channel or topic only, checked after the objection,
      // which stops all of it. A question without a channel is not a message, so none applies.
      if (query.channel() != null
          && state.unsubscribedFrom(query.channel(), use.id(), query.topic())) {
        return Decision.deny(ReasonCode.UNSUBSCRIBED, version);
      }
    }
    // Art. 21(1): an objection stops a purpose that rests on legitimate interest alone; one that
    // also rests on a contract or a legal duty goes on. No compelling-grounds override is recorded
    // yet, so none lifts it.
    if (use.reliesOnLegitimateInterest() && !necessary(use) && state.objectedTo(use.id())) {
      return Decision.deny(ReasonCode.OBJECTED, version);
    }
    // Art. 6(1)(a), 7(3): consent given, not withdrawn, refused or expired.
    if (use.isConsentBased() && !state.liveConsent(use.id(), now)) {
      return Decision.deny(ReasonCode.NO_CONSENT, version);
    }
    // Still the consent rule: a child's consent without a parent's, or a PIPL consent not given.
    Optional<String> missing = ConsentConditions.missing(policy, state, query, use, now);
    if (missing.isPresent()) {
      return Decision.deny(ReasonCode.NO_CONSENT, version, missing.get());
    }
    return Decision.allow(version);
  }

  /** The category is declared for the purpose, and the system is declared to hold it. */
  private static Optional<ReasonCode> undeclared(Policy policy, Purpose purpose, DecisionQuery q) {
    Optional<DataSystem> system =
        policy.systems().stream().filter(s -> s.id().equals(q.system())).findFirst();
    if (system.isEmpty()) {
      return Optional.of(ReasonCode.SYSTEM_NOT_DECLARED);
    }
    for (String category : q.categories()) {
      if (policy.category(category).isEmpty()
          || purpose.categories().stream().noneMatch(c -> Category.covers(c, category))) {
        return Optional.of(ReasonCode.CATEGORY_NOT_DECLARED);
      }
      if (system.get().categories().stream().noneMatch(c -> Category.covers(c, category))) {
        return Optional.of(ReasonCode.SYSTEM_NOT_DECLARED);
      }
    }
    return Optional.empty();
  }

  /**
   * A rule on one of the categories or on the purpose whose period, counted from a start Steward or
   * the caller knows (collection, the end of the relationship, the end of consent), has run out.
   * Rules counted from other events are left to the retention sweeps.
   */
  private static boolean retentionExpired(
      Policy policy, PartyState state, DecisionQuery q, Instant now) {
    for (RetentionRule rule : policy.retentionRules()) {
      boolean applies =
          rule.purposes().contains(q.purpose())
              || rule.categories().stream()
                  .anyMatch(c -> q.categories().stream().anyMatch(x -> Category.covers(c, x)));
      if (!applies) {
        continue;
      }
      Optional<Instant> start =
          switch (rule.start()) {
            case COLLECTION -> Optional.ofNullable(q.context().collectedAt());
            case RELATIONSHIP_END ->
                Optional.ofNullable(q.context().relationshipEndedAt())
                    .or(
                        () ->
                            Optional.ofNullable(state.relationshipEnd())
                                .map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant()));
            case CONSENT_WITHDRAWN -> state.consentEndedAt(q.purpose(), now);
            default -> Optional.empty();
          };
      if (start.isPresent()
          && !now.isBefore(start.get().atZone(ZoneOffset.UTC).plus(rule.period()).toInstant())) {
        return true;
      }
    }
    return false;
  }

  private static boolean sensitive(Policy policy, DecisionQuery q) {
    return policy.allCategories().stream()
        .filter(c -> c.special() || c.criminal())
        .anyMatch(c -> q.categories().stream().anyMatch(x -> Category.covers(c.id(), x)));
  }

  private static boolean necessary(Purpose purpose) {
    return purpose.legalBases().stream().anyMatch(NECESSARY::contains);
  }
}
