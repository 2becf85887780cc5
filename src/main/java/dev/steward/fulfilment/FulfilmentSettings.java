package dev.steward.fulfilment;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How fulfilment reaches the outside, frozen at start-up.
 *
 * @param purgeWebhook the delivery network's purge webhook ({@code purge-webhook-url}, {@code
 *     STEWARD_PURGE_WEBHOOK_URL})
 * @param recipientContacts GDPR Art. 19 contact per policy recipient id: {@code mailto:...} or an
 *     {@code https://} webhook
 * @param publicUrl the address people reach Steward at, put before download paths in letters
 * @param linkLifetime how long a download link works
 * @param firstRetry the first backoff of a failed task, doubled at each further failure
 * @param plainHttpTransmission allow {@code http://} portability endpoints (tests on loopback only)
 */
public record FulfilmentSettings(
    Optional<URI> purgeWebhook,
    Map<String, String> recipientContacts,
    String publicUrl,
    Duration linkLifetime,
    Duration firstRetry,
    boolean plainHttpTransmission) {

  public FulfilmentSettings {
    recipientContacts = Map.copyOf(recipientContacts);
    if (linkLifetime.isNegative() || linkLifetime.isZero()) {
      throw new IllegalArgumentException("linkLifetime must be positive");
    }
  }

  /** Defaults, with the purge webhook from {@code STEWARD_PURGE_WEBHOOK_URL} when set. */
  public static FulfilmentSettings fromEnvironment(Map<String, String> env) {
    return new FulfilmentSettings(
        Optional.ofNullable(env.get("STEWARD_PURGE_WEBHOOK_URL")).map(URI::create),
        Map.of(),
        env.getOrDefault("STEWARD_PUBLIC_URL", ""),
        Duration.ofDays(7),
        Duration.ofSeconds(30),
        false);
  }
}
