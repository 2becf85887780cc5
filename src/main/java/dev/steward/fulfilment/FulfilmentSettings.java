package dev.steward.fulfilment;

import dev.steward.web.Webhook;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How fulfilment reaches the outside, frozen at start-up.
 *
 * @param purgeWebhook the delivery network's purge webhook, from the node's configuration ({@code
 *     purge-webhook-*} in {@code steward.yaml}, {@code STEWARD_PURGE_WEBHOOK_*})
 * @param recipientContacts GDPR Art. 19 contact per policy recipient id: {@code mailto:...} or an
 *     {@code https://} webhook, in place of the recipient's {@code notice_contact} in the policy
 * @param publicUrl an address to put before download paths in letters instead of the node's public
 *     URL ({@code --public-url}); empty, as by default, for the node's
 * @param linkLifetime how long a download link works
 * @param firstRetry the first backoff of a failed task, doubled at each further failure
 * @param plainHttpTransmission allow {@code http://} portability endpoints (tests on loopback only)
 */
public record FulfilmentSettings(
    Optional<Webhook> purgeWebhook,
    Map<String, String> recipientContacts,
    String publicUrl,
    Duration linkLifetime,
    Duration firstRetry,
    boolean plainHttpTransmission) {

  public FulfilmentSettings {
    purgeWebhook = purgeWebhook == null ? Optional.empty() : purgeWebhook;
    recipientContacts = Map.copyOf(recipientContacts);
    if (linkLifetime.isNegative() || linkLifetime.isZero()) {
      throw new IllegalArgumentException("linkLifetime must be positive");
    }
  }

  /** Defaults, without a purge webhook (the node adds the configured one). */
  public static FulfilmentSettings fromEnvironment(Map<String, String> env) {
    return new FulfilmentSettings(
        Optional.empty(), Map.of(), "", Duration.ofDays(7), Duration.ofSeconds(30), false);
  }

  /** The same settings with the purge webhook the node's configuration names. */
  public FulfilmentSettings withPurgeWebhook(Webhook webhook) {
    return new FulfilmentSettings(
        Optional.of(webhook),
        recipientContacts,
        publicUrl,
        linkLifetime,
        firstRetry,
        plainHttpTransmission);
  }
}
