package dev.steward.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.consent.OptOutKind;
import dev.steward.consent.Party;
import dev.steward.consent.PartyState;
import dev.steward.consent.Subscriptions;
import dev.steward.consent.Subscriptions.Channel;
import dev.steward.consent.Subscriptions.Scope;
import dev.steward.error.InvalidInputException;
import dev.steward.policy.FixedPolicies;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PublishedPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RULES.md's rule for unsubscribes: leaving a channel or a topic stops that channel or topic only,
 * while an objection to direct marketing, checked first, stops all of it. Policy {@code
 * marketing.yaml}: the marketing purpose has the topics product-news and events.
 */
class SubscriptionRulesTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final PublishedPolicy POLICY =
      new PublishedPolicy(
          "m1",
          "hash",
          Instant.EPOCH,
          new PolicyChecker(Clock.fixed(NOW, ZoneOffset.UTC))
              .loadValid(Path.of("src/test/resources/policy/marketing.yaml")));
  private static final Party SUBJECT = Party.subject(UUID.randomUUID());

  @Test
  void unsubscribedFromATopic_deniesThatTopicOnly_onThatChannelOnly() {
    Set<String> left = Set.of(new Scope(Channel.EMAIL, "marketing", "events").key());
    assertThat(decide(left, Map.of(), "email", "events")).isEqualTo("deny unsubscribed");
    assertThat(decide(left, Map.of(), "email", "product-news")).isEqualTo("allow allowed");
    assertThat(decide(left, Map.of(), "post", "events")).isEqualTo("allow allowed");
    assertThat(decide(left, Map.of(), null, null))
        .as("a use that is no message is not stopped by an unsubscribe")
        .isEqualTo("allow allowed");
  }

  @Test
  void unsubscribedFromAChannel_deniesEveryPurposeAndTopicOnIt() {
    Set<String> left = Set.of(Scope.channel(Channel.PHONE).key());
    assertThat(decide(left, Map.of(), "phone", "events")).isEqualTo("deny unsubscribed");
    assertThat(decide(left, Map.of(), "phone", null)).isEqualTo("deny unsubscribed");
    assertThat(decide(left, Map.of(), "email", "events")).isEqualTo("allow allowed");
  }

  @Test
  void unsubscribedFromAPurposesMessages_deniesAllItsTopics() {
    Set<String> left = Set.of(new Scope(Channel.EMAIL, "marketing", null).key());
    assertThat(decide(left, Map.of(), "email", "events")).isEqualTo("deny unsubscribed");
    assertThat(decide(left, Map.of(), "email", "product-news")).isEqualTo("deny unsubscribed");
    assertThat(decide(left, Map.of(), "post", "product-news")).isEqualTo("allow allowed");
  }

  @Test
  void objectionToDirectMarketing_winsOverAnUnsubscribe_andStopsEveryChannel() {
    Set<String> left = Set.of(new Scope(Channel.EMAIL, "marketing", "events").key());
    Map<OptOutKind, String> objected = Map.of(OptOutKind.DIRECT_MARKETING, "api");
    assertThat(decide(left, objected, "email", "events"))
        .isEqualTo("deny objected_direct_marketing");
    assertThat(decide(Set.of(), objected, "post", "product-news"))
        .isEqualTo("deny objected_direct_marketing");
    assertThat(decide(Set.of(), objected, null, null)).isEqualTo("deny objected_direct_marketing");
  }

  @Test
  void input_refusesAnUnknownChannelOrTopic_andATopicWithoutChannel() {
    DecisionInput input = new DecisionInput(FixedPolicies.of(POLICY.policy()), null);
    assertThatThrownBy(() -> input.check(question("fax", "events")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problems()).extracting("field").containsExactly("channel"));
    assertThatThrownBy(() -> input.check(question("email", "gossip")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problems()).extracting("field").containsExactly("topic"));
    assertThatThrownBy(() -> input.check(question(null, "events")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problems()).extracting("field").containsExactly("topic"));
    DecisionQuery query = input.check(question("email", "events"));
    assertThat(query.topic()).isEqualTo("events");
    assertThat(query.channel()).isEqualTo("email");
  }

  @Test
  void scopeStops_followsChannelPurposeAndTopic() {
    Set<String> left = Set.of(new Scope(Channel.EMAIL, "marketing", "events").key());
    assertThat(Subscriptions.stops(left, "email", "marketing", "events")).isTrue();
    assertThat(Subscriptions.stops(left, "email", "marketing", null)).isFalse();
    assertThat(Subscriptions.stops(left, "email", "newsletter", "events")).isFalse();
    assertThatThrownBy(() -> new Scope(Channel.EMAIL, null, "events"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static DecisionInput.Question question(String channel, String topic) {
    return new DecisionInput.Question(
        "crm",
        SUBJECT.id(),
        null,
        null,
        "marketing",
        List.of("contact.email"),
        channel,
        topic,
        null);
  }

  private static String decide(
      Set<String> unsubscribed, Map<OptOutKind, String> optOuts, String channel, String topic) {
    PartyState state =
        new PartyState(
            SUBJECT,
            true,
            false,
            false,
            null,
            false,
            Set.of(),
            Map.of(),
            optOuts.isEmpty() ? new EnumMap<>(OptOutKind.class) : optOuts,
            unsubscribed);
    Decision decision =
        DecisionRules.decide(
            new PolicyIndex(POLICY),
            state,
            new DecisionQuery(
                "crm", SUBJECT, "marketing", List.of("contact.email"), channel, topic, null),
            NOW);
    return decision.outcome() + " " + decision.reason();
  }
}
