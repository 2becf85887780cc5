package dev.steward.opendsr;

import dev.steward.web.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Posts one signed status body to a controller's callback URL. Anything but a 2xx answer is a
 * failure the scheduler retries. Redirects are not followed: the URL was checked, where it points
 * next was not. Thread-safe.
 */
final class CallbackPoster {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Supplier<ProcessorKey> key;
  private final String processorDomain;

  CallbackPoster(Supplier<ProcessorKey> key, String processorDomain) {
    this.key = key;
    this.processorDomain = processorDomain;
  }

  void post(String url, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header(OpenDsrSignatures.SIGNATURE, key.get().sign(bytes))
            .header(OpenDsrSignatures.PROCESSOR_DOMAIN, processorDomain)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    int status;
    try {
      status =
          OutboundHttp.client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new CallbackFailedException(
          "cannot reach the callback URL: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallbackFailedException("interrupted");
    }
    if (status / 100 != 2) {
      throw new CallbackFailedException("the callback URL answered " + status);
    }
  }

  /** A delivery attempt that did not succeed; the message names no personal data. */
  static final class CallbackFailedException extends RuntimeException {
    CallbackFailedException(String message) {
      super(message);
    }
  }
}
