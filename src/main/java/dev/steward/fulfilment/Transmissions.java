package dev.steward.fulfilment;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * GDPR Art. 20(2): sends a portability package to another controller's HTTPS endpoint, with
 * timeouts, and records when, to which host (never the path), the size and the outcome.
 */
final class Transmissions {
  private final Supplier<HttpClient> http;
  private final Jdbi jdbi;
  private final Clock clock;
  private final boolean allowPlainHttpForTests;

  Transmissions(Supplier<HttpClient> http, Jdbi jdbi, Clock clock, boolean allowPlainHttpForTests) {
    this.http = http;
    this.jdbi = jdbi;
    this.clock = clock;
    this.allowPlainHttpForTests = allowPlainHttpForTests;
  }

  static URI checked(String endpoint, boolean allowPlainHttp) {
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    boolean https = uri != null && "https".equals(uri.getScheme()) && uri.getHost() != null;
    boolean local = uri != null && allowPlainHttp && "http".equals(uri.getScheme());
    if (!https && !local) {
      throw new InvalidInputException(
          "the portability endpoint must be an https:// address",
          List.of(new FieldProblem("portabilityEndpoint", "https only")));
    }
    return uri;
  }

  String send(UUID requestId, String endpoint, byte[] zip) {
    URI target = checked(endpoint, allowPlainHttpForTests);
    int status = 0;
    String outcome;
    try {
      status =
          http.get()
              .send(
                  HttpRequest.newBuilder(target)
                      .timeout(Duration.ofSeconds(60))
                      .header("Content-Type", "application/zip")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(zip))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      outcome = status / 100 == 2 ? "delivered" : "refused";
    } catch (IOException e) {
      outcome = "unreachable";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = "interrupted";
    }
    int code = status;
    String result = outcome;
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "insert into portability_transmission (id,"
                        + " request_id, host, size_bytes, status_code, outcome, sent_at) values (:id, :r,"
                        + " :host, :size, :status, :outcome, :now)")
                .bind("id", UUID.randomUUID())
                .bind("r", requestId)
                .bind("host", target.getHost())
                .bind("size", zip.length)
                .bind("status", code)
                .bind("outcome", result)
                .bind("now", clock.instant())
                .execute());
    return result;
  }
}
