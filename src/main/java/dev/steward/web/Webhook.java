package dev.steward.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An outside HTTP endpoint Steward calls, as configured ({@code <setting>-url}, {@code
 * <setting>-secret-file}, {@code <setting>-timeout-seconds} in {@code steward.yaml}, or the
 * matching {@code STEWARD_*} variables): the delivery network's purge webhook, the SMS gateway.
 * Each call carries {@code X-Steward-Timestamp} (epoch seconds) and {@code X-Steward-Signature:
 * v1=<hex HMAC-SHA256 of "timestamp.body">} under the shared secret, so the receiver can check that
 * the call is Steward's and recent.
 *
 * @param setting the settings' prefix, e.g. {@code purge-webhook}, named in messages
 * @param url {@code https://}, or {@code http://} to the loopback address (a local relay, tests)
 * @param secret the HMAC key; never logged, shown as hidden by {@link #toString()}
 * @param timeout how long one call may take before it counts as failed
 */
public record Webhook(String setting, URI url, String secret, Duration timeout) {
  public static final String TIMESTAMP = "X-Steward-Timestamp";
  public static final String SIGNATURE = "X-Steward-Signature";
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

  public Webhook {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    boolean loopback = url.getHost() != null && LOOPBACK.contains(url.getHost());
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
      throw new IllegalArgumentException(
          setting + "-url must be https:// (http:// only to the loopback address), not " + url);
    }
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException(
          setting + "-secret must be at least 16 characters: it signs every call");
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(
          setting + "-timeout-seconds must be between 1 and 300, not " + timeout.toSeconds());
    }
  }

  /**
   * A signed {@code POST} of {@code payload} as JSON to the endpoint, sent at {@code sentAt}, with
   * this webhook's timeout.
   */
  public HttpRequest post(Object payload, Instant sentAt) {
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a webhook payload must be JSON-serialisable", e);
    }
    long epochSeconds = sentAt.getEpochSecond();
    return HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header(TIMESTAMP, Long.toString(epochSeconds))
        .header(SIGNATURE, signature(epochSeconds, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /** The signature header's value for {@code body} sent at {@code epochSeconds}. */
  public String signature(long epochSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "Webhook[" + setting + ", " + url + ", secret hidden, timeout " + timeout + "]";
  }
}
