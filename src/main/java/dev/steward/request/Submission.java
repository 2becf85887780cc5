package dev.steward.request;

import dev.steward.policy.Channel;
import java.time.Instant;

/**
 * A request as it arrives, from the privacy center, the API, staff logging one that came by email,
 * phone or post, or a business customer. Holds personal data; {@link #toString()} shows none.
 *
 * @param channel how it reached the company; null for a business customer's API call, which is none
 *     of the policy's channels (see {@link #storedChannel()})
 * @param receivedAt when it really arrived; earlier than now when staff log it late (backdated)
 * @param acknowledge false when staff have already acknowledged it by its own channel
 * @param customerAccount the business customer's account id, for content removal
 */
record Submission(
    String type,
    String residence,
    String email,
    String phone,
    String details,
    String language,
    String document,
    String agentName,
    String agentEmail,
    Channel channel,
    Instant receivedAt,
    boolean acknowledge,
    String customerAccount) {

  /** The channel a business customer's content removal arrives by: its own API token. */
  static final String CUSTOMER_API = "customer_api";

  /** The channel stored on the request. */
  String storedChannel() {
    return channel == null ? CUSTOMER_API : channel.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return "Submission[type=" + type + ", residence=" + residence + ", channel=" + channel + "]";
  }
}
