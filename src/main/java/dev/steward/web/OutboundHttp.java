package dev.steward.web;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one HTTP client of Steward's outbound calls (transmissions, recipient and purge webhooks,
 * OpenDSR callbacks, the SMS gateway), shared by every caller in the JVM as {@link HttpClient} is
 * meant to be. It is made on the first call rather than at start-up: making one loads the default
 * TLS context with its trust store and starts a selector thread, none of which a node needs to be
 * ready. Redirects are never followed: a signed call must reach the address it was signed for.
 * Callers set their own timeout per request. Thread-safe.
 */
public final class OutboundHttp {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private OutboundHttp() {}

  /** The shared client, made on first use. */
  public static HttpClient client() {
    return Holder.CLIENT;
  }

  private static final class Holder {
    static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }
}
