package dev.steward.decision;

import dev.steward.consent.Party;
import java.util.List;
import java.util.Objects;

/**
 * One question to the decision service: may {@code system} use the data of {@code party} in {@code
 * categories} for {@code purpose} now, by {@code channel} when it is a message.
 *
 * @param party a subject, a device, or an identity by its keyed hash
 * @param channel email, phone or post for messages; may be null
 * @param topic one of the purpose's marketing topics, for a message about it; may be null
 */
public record DecisionQuery(
    String system,
    Party party,
    String purpose,
    List<String> categories,
    String channel,
    String topic,
    DecisionContext context) {
  public DecisionQuery {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(purpose, "purpose");
    categories = List.copyOf(categories);
    context = context == null ? DecisionContext.NONE : context;
  }

  /** A question about no particular topic. */
  public DecisionQuery(
      String system,
      Party party,
      String purpose,
      List<String> categories,
      String channel,
      DecisionContext context) {
    this(system, party, purpose, categories, channel, null, context);
  }
}
