package dev.steward.decision;

import dev.steward.consent.OptOutKind;
import dev.steward.consent.PartyState;
import dev.steward.decision.DecisionContext.Activity;
import dev.steward.policy.Purpose;
import dev.steward.policy.RetentionRule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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

  private DecisionRules() {}

  static Decision decide(PolicyIndex index, PartyState state, DecisionQuery query, Instant now) {
    String version = index.version();
    PolicyIndex.Use use = index.use(query.purpose());
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
        && !(use != null && use.consentBased() && state.liveConsent(query.purpose(), now))) {
      return Decision.deny(ReasonCode.RESTRICTED, version);
    }
    if (use == null) {
      return Decision.deny(ReasonCode.PURPOSE_NOT_DECLARED, version);
    }
    ReasonCode undeclared = undeclared(index, use, query);
    if (undeclared != null) {
      return Decision.deny(undeclared, version);
    }
    if (retentionExpired(index, state, query, now)) {
      return Decision.deny(ReasonCode.RETENTION_EXPIRED, version);
    }
    Purpose purpose = use.purpose();
    Map<OptOutKind, String> optOuts = state.optOuts();
    // Cal. Civ. Code 1798.120, 11 CCR 7025-7026: an opt-out (a GPC signal too) stops sale/sharing.
    String saleOptOut = optOuts.get(OptOutKind.SALE_SHARING);
    if (purpose.saleOrSharing() && saleOptOut != null) {
      return Decision.deny(ReasonCode.OPTED_OUT_SALE_SHARING, version, saleOptOut);
    }
    // 1798.121, 11 CCR 7027: after a limit, sensitive data serves only what is necessary. Checked
    // beside the opt-out of sale, which RULES.md's order names; it is the same kind of opt-out.
    String limit = optOuts.get(OptOutKind.SENSITIVE_USE);
    if (limit != null && index.anySensitive(query.categories()) && !use.necessary()) {
      return Decision.deny(ReasonCode.LIMITED_SENSITIVE_USE, version, limit);
    }
    // GDPR Art. 21(2)-(3): an objection to direct marketing stops all of it, absolutely, whether
    // made in a request (objections) or through the opt-out API (no verification, RULES.md).
    if (purpose.directMarketing()) {
      String objection = optOuts.get(OptOutKind.DIRECT_MARKETING);
      if (objection != null) {
        return Decision.deny(ReasonCode.OBJECTED_DIRECT_MARKETING, version, objection);
      }
      if (state.objectedTo(purpose.id()) || state.objectedTo("direct_marketing")) {
        return Decision.deny(ReasonCode.OBJECTED_DIRECT_MARKETING, version);
      }
      // RULES.md: an unsubscribe stops that channel or topic only, checked after the objection,
      // which stops all of it. A question without a channel is not a message, so none applies.
      if (query.channel() != null
          && state.unsubscribedFrom(query.channel(), purpose.id(), query.topic())) {
        return Decision.deny(ReasonCode.UNSUBSCRIBED, version);
      }
    }
    // Art. 21(1): an objection stops a purpose that rests on legitimate interest alone; one that
    // also rests on a contract or a legal duty goes on. No compelling-grounds override is recorded
    // yet, so none lifts it.
    if (use.legitimateInterest() && !use.necessary() && state.objectedTo(purpose.id())) {
      return Decision.deny(ReasonCode.OBJECTED, version);
    }
    // Art. 6(1)(a), 7(3): consent given, not withdrawn, refused or expired.
    if (use.consentBased() && !state.liveConsent(purpose.id(), now)) {
      return Decision.deny(ReasonCode.NO_CONSENT, version);
    }
    // Still the consent rule: a child's consent without a parent's, or a PIPL consent not given.
    Optional<String> missing =
        ConsentConditions.missing(index.policy(), state, query, purpose, now);
    if (missing.isPresent()) {
      return Decision.deny(ReasonCode.NO_CONSENT, version, missing.get());
    }
    return index.allow();
  }

  /**
   * The category is declared for the purpose, and the system is declared to hold it: null, or the
   * reason code of the first that is not.
   */
  private static ReasonCode undeclared(PolicyIndex index, PolicyIndex.Use use, DecisionQuery q) {
    PolicyIndex.Holder system = index.holder(q.system());
    if (system == null) {
      return ReasonCode.SYSTEM_NOT_DECLARED;
    }
    for (String category : q.categories()) {
      if (!index.declaresCategory(category) || !use.categories().contains(category)) {
        return ReasonCode.CATEGORY_NOT_DECLARED;
      }
      if (!system.categories().contains(category)) {
        return ReasonCode.SYSTEM_NOT_DECLARED;
      }
    }
    return null;
  }

  /**
   * A rule on one of the categories or on the purpose whose period, counted from a start Steward or
   * the caller knows (collection, the end of the relationship, the end of consent), has run out.
   * Rules counted from other events are left to the retention sweeps. The question's categories are
   * the policy's (checked before), so the rule's covered ids answer for them.
   */
  private static boolean retentionExpired(
      PolicyIndex index, PartyState state, DecisionQuery q, Instant now) {
    for (PolicyIndex.Retention retention : index.retention()) {
      RetentionRule rule = retention.rule();
      if (!rule.purposes().contains(q.purpose())
          && !anyIn(q.categories(), retention.categories())) {
        continue;
      }
      Instant start =
          switch (rule.start()) {
            case COLLECTION -> q.context().collectedAt();
            case RELATIONSHIP_END ->
                q.context().relationshipEndedAt() != null
                    ? q.context().relationshipEndedAt()
                    : state.relationshipEnd() == null
                        ? null
                        : state.relationshipEnd().atStartOfDay(ZoneOffset.UTC).toInstant();
            case CONSENT_WITHDRAWN -> state.consentEndedAt(q.purpose(), now).orElse(null);
            default -> null;
          };
      if (start != null
          && !now.isBefore(start.atZone(ZoneOffset.UTC).plus(rule.period()).toInstant())) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyIn(List<String> ids, Set<String> set) {
    for (String id : ids) {
      if (set.contains(id)) {
        return true;
      }
    }
    return false;
  }
}
