package dev.steward.decision;

import dev.steward.consent.PartyState;
import dev.steward.policy.Category;
import dev.steward.policy.Countries;
import dev.steward.policy.DataSystem;
import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Law;
import dev.steward.policy.Policy;
import dev.steward.policy.Purpose;
import dev.steward.policy.Transfer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The consents a use needs besides the purpose's own, checked where RULES.md checks consent (the
 * last rule, {@code no_consent}): a consent of a child below their jurisdiction's age counts only
 * with a parent's consent on record (GDPR Art. 8(1), PIPL Art. 31); and under PIPL, the consent to
 * collection for the purposes the policy names, and the separate consent to a transfer abroad where
 * the system that processes the data is outside mainland China (PIPL Art. 39). A deny names the
 * missing consent in the decision's {@code source}: {@code parental}, {@code pipl:<consent id>}.
 */
final class ConsentConditions {
  /** The parent's consent is missing; the source of such a deny. */
  static final String PARENTAL = "parental";

  /** The ledger key under which a PIPL consent of the policy is recorded. */
  static String piplKey(Jurisdiction.PiplConsent consent) {
    return "pipl:" + consent.id();
  }

  private ConsentConditions() {}

  /** The first consent missing for this use, if any. */
  static Optional<String> missing(
      Policy policy, PartyState state, DecisionQuery query, Purpose purpose, Instant now) {
    Optional<Jurisdiction> jurisdiction = jurisdiction(policy, query.context());
    if (jurisdiction.isEmpty()) {
      return Optional.empty(); // neither a parental age nor PIPL applies
    }
    boolean child = belowParentalAge(jurisdiction.get(), query);
    List<String> needed = new ArrayList<>();
    if (purpose.isConsentBased()) {
      needed.add(purpose.id());
    }
    if (jurisdiction.get().law() == Law.PIPL) {
      for (Jurisdiction.PiplConsent consent : jurisdiction.get().consents()) {
        boolean covers = consent.purposes().isEmpty() || consent.purposes().contains(purpose.id());
        if (!covers || consent.scope() == null) {
          continue;
        }
        boolean applies =
            switch (consent.scope()) {
              // PIPL Art. 13(1), 14: the consent to collection the policy relies on.
              case COLLECTION -> true;
              // PIPL Art. 38-39: data leaves mainland China only with separate consent.
              case CROSS_BORDER_TRANSFER -> transfersAbroad(policy, query);
              default -> false;
            };
        if (applies) {
          if (!state.liveConsent(piplKey(consent), now)) {
            return Optional.of(piplKey(consent));
          }
          needed.add(piplKey(consent));
        }
      }
    }
    if (child) {
      for (String key : needed) {
        if (!state.parentalConsent(key, now)) {
          return Optional.of(PARENTAL);
        }
      }
    }
    return Optional.empty();
  }

  /** The jurisdiction the caller names, else the one the person's country leads to. */
  static Optional<Jurisdiction> jurisdiction(Policy policy, DecisionContext context) {
    if (context.jurisdiction() != null) {
      return policy.jurisdictions().stream()
          .filter(j -> j.id().equals(context.jurisdiction()))
          .findFirst();
    }
    Law law = Countries.lawOf(context.country());
    return law == null
        ? Optional.empty()
        : policy.jurisdictions().stream().filter(j -> j.law() == law).findFirst();
  }

  /**
   * The person's age, or the lowest age of the band they declared, is below the age of parental
   * consent of the jurisdiction (a member state's own where the policy lists it). A band that
   * reaches below the age counts as below it: GDPR Art. 8(2) asks for reasonable efforts to verify.
   */
  static boolean belowParentalAge(Jurisdiction jurisdiction, DecisionQuery query) {
    DecisionContext context = query.context();
    OptionalInt age = jurisdiction.parentalConsentAge(context.country());
    if (age.isEmpty()) {
      return false;
    }
    if (context.age() != null) {
      return context.age() < age.getAsInt();
    }
    return context.ageBand() != null && context.ageBand().lowest() < age.getAsInt();
  }

  /**
   * The use moves data out of mainland China: the system is not stated to be in CN, and the policy
   * declares a transfer from CN of one of the categories.
   */
  private static boolean transfersAbroad(Policy policy, DecisionQuery query) {
    Optional<DataSystem> system =
        policy.systems().stream().filter(s -> s.id().equals(query.system())).findFirst();
    if (system.isPresent() && "CN".equals(system.get().location())) {
      return false;
    }
    for (Transfer transfer : policy.transfers()) {
      if (!transfer.from().equals("CN")) {
        continue;
      }
      if (transfer.categories().isEmpty()
          || query.categories().stream()
              .anyMatch(x -> transfer.categories().stream().anyMatch(c -> Category.covers(c, x)))) {
        return true;
      }
    }
    return false;
  }
}
