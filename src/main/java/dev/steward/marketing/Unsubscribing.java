package dev.steward.marketing;

import dev.steward.consent.Party;
import dev.steward.consent.Subscriptions;
import dev.steward.consent.Subscriptions.Channel;
import dev.steward.consent.Subscriptions.Scope;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.Purpose;
import dev.steward.principal.Principal;
import dev.steward.web.PageLanguage;
import java.util.Optional;

/**
 * Carries out an unsubscribe link: the token names the address's keyed hash, the purpose and the
 * topic, and the choice is kept under that hash, where it outlives an erasure (the suppression
 * list). No verification (RULES.md: an unsubscribe needs none) and idempotent. Thread-safe.
 */
public final class Unsubscribing {
  private final UnsubscribeTokens tokens;
  private final Subscriptions subscriptions;
  private final PublishedPolicies policies;

  Unsubscribing(UnsubscribeTokens tokens, Subscriptions subscriptions, PublishedPolicies policies) {
    this.tokens = tokens;
    this.subscriptions = subscriptions;
    this.policies = policies;
  }

  /** What a valid link is about, as the confirmation page shows it. */
  public record Subject(String purposeName, String topicName) {}

  /**
   * Checks the token and names what it unsubscribes from, as the policy file translates the names
   * for {@code language}; 403 for a forged one.
   */
  Subject describe(String token, PageLanguage language) {
    UnsubscribeTokens.Claim claim = tokens.check(token);
    Policy policy = policies.current().policy();
    Policy local = language == PageLanguage.EN ? policy : policy.localized(language.tag());
    Optional<Purpose> purpose = local.purpose(claim.purpose());
    String purposeName = purpose.map(Purpose::name).orElse(claim.purpose());
    String topicName =
        claim.topic().equals(Subscriptions.ALL)
            ? null
            : purpose.flatMap(p -> p.topic(claim.topic())).map(t -> t.name()).orElse(claim.topic());
    return new Subject(purposeName, topicName);
  }

  /** Leaves what the token names; true when this changed anything. */
  boolean unsubscribe(Principal actor, String token, Subscriptions.Source source) {
    UnsubscribeTokens.Claim claim = tokens.check(token);
    return subscriptions.change(
        actor,
        Party.identity(claim.emailHash()),
        new Scope(Channel.EMAIL, claim.purpose(), claim.topic()),
        false,
        source);
  }
}
