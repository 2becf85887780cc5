package dev.steward.fulfilment;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The HTTP client of fulfilment's outbound calls (transmissions, recipient webhooks, content
 * purges), made on the first call rather than at start-up: making one loads the default TLS context
 * with its trust store and starts a selector thread, none of which a node needs to be ready.
 * Thread-safe.
 */
final class OutboundHttp implements Supplier<HttpClient> {
  private volatile HttpClient client;

  @Override
  public HttpClient get() {
    HttpClient made = client;
    if (made == null) {
      synchronized (this) {
        made = client;
        if (made == null) {
          made = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
          client = made;
        }
      }
    }
    return made;
  }
}
