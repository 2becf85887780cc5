package dev.steward.center;

import dev.steward.consent.Party;
import dev.steward.consent.PartyState;
import dev.steward.consent.Subscriptions;
import dev.steward.consent.Subscriptions.Channel;
import dev.steward.consent.Subscriptions.Scope;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.Purpose;
import dev.steward.policy.Topic;
import dev.steward.principal.Principal;
import dev.steward.web.PageLanguage;
import java.util.ArrayList;
import java.util.List;

/**
 * The subscriptions part of the preferences page: one switch per channel (email, phone, post) and
 * one per marketing topic of the policy in force (by email). A change is kept under the signed-in
 * identity's keyed hash, like an unsubscribe link's, so the person's latest choice wins whichever
 * way it was made, and an email unsubscribe joins the suppression list.
 */
public final class SubscriptionToggles {
  private final Subscriptions subscriptions;
  private final PublishedPolicies policies;

  SubscriptionToggles(Subscriptions subscriptions, PublishedPolicies policies) {
    this.subscriptions = subscriptions;
    this.policies = policies;
  }

  /**
   * One switch as shown.
   *
   * @param purpose {@code *} for a channel's switch
   * @param topic {@code *} for a channel's switch
   * @param label the channel code (translated by the page) or the topic's name from the policy, as
   *     the policy file translates it for the page's language
   * @param lang the label's language, for its {@code lang} attribute: a name the policy file does
   *     not translate is shown as written
   */
  public record Toggle(
      String channel, String purpose, String topic, String label, String lang, boolean on) {}

  List<Toggle> channels(PartyState state) {
    List<Toggle> toggles = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      Scope scope = Scope.channel(channel);
      toggles.add(
          new Toggle(
              channel.code(),
              scope.purpose(),
              scope.topic(),
              channel.code(),
              "",
              !state.unsubscribed().contains(scope.key())));
    }
    return toggles;
  }

  List<Toggle> topics(PartyState state, PageLanguage language) {
    List<Toggle> toggles = new ArrayList<>();
    Policy policy = policies.current().policy();
    // Topic names as the policy file translates them (its translations), like purposes' names.
    Policy local = language == PageLanguage.EN ? policy : policy.localized(language.tag());
    for (Purpose purpose : local.purposes()) {
      for (Topic topic : purpose.topics()) {
        Scope scope = new Scope(Channel.EMAIL, purpose.id(), topic.id());
        Written name = Written.of(topic.name());
        toggles.add(
            new Toggle(
                Channel.EMAIL.code(),
                purpose.id(),
                topic.id(),
                name.text(),
                name.lang(),
                !state.unsubscribed().contains(scope.key())));
      }
    }
    return toggles;
  }

  void change(
      Principal.SubjectSession person,
      String channel,
      String purpose,
      String topic,
      String action) {
    Channel chosen = Channel.of(channel);
    boolean channelWide = Subscriptions.ALL.equals(purpose) && Subscriptions.ALL.equals(topic);
    boolean declared =
        policies
            .current()
            .policy()
            .purpose(purpose)
            .filter(Purpose::directMarketing)
            .flatMap(p -> p.topic(topic))
            .isPresent();
    if (chosen == null
        || !(channelWide || declared)
        || !(action.equals("subscribe") || action.equals("unsubscribe"))) {
      throw new InvalidInputException(
          "not a subscription of the policy in force",
          List.of(new FieldProblem("channel", "unknown channel, purpose or topic")));
    }
    subscriptions.change(
        person,
        Party.identity(person.subjectRef()),
        new Scope(chosen, purpose, topic),
        action.equals("subscribe"),
        Subscriptions.Source.PREFERENCES);
  }
}
