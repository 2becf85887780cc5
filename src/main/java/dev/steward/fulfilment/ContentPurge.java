package dev.steward.fulfilment;

import dev.steward.error.ConflictException;
import dev.steward.web.Webhook;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Asks the delivery network to purge a business customer's content: POSTs {@code {"urls": [...]}}
 * to the configured purge webhook, signed ({@link Webhook}), and keeps the evidence (status,
 * SHA-256 of the answer, time). A non-2xx answer, no answer within the timeout, or no webhook
 * configured is a failure, retried by the task and then left for staff.
 */
final class ContentPurge {
  private final Optional<Webhook> webhook;
  private final Supplier<HttpClient> http;
  private final Jdbi jdbi;
  private final Clock clock;

  ContentPurge(Optional<Webhook> webhook, Supplier<HttpClient> http, Jdbi jdbi, Clock clock) {
    this.webhook = webhook;
    this.http = http;
    this.jdbi = jdbi;
    this.clock = clock;
  }

  SystemResult purge(UUID requestId, List<String> urls) {
    Webhook target =
        webhook.orElseThrow(
            () -> new ConflictException("no purge webhook is configured (purge-webhook-url)"));
    if (urls.isEmpty()) {
      throw new ConflictException("request " + requestId + " names no content URLs to purge");
    }
    HttpResponse<byte[]> response;
    try {
      response =
          http.get()
              .send(
                  target.post(Map.of("urls", urls), clock.instant()),
                  HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ConflictException("the purge webhook did not answer: " + e.getClass().getName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConflictException("interrupted while calling the purge webhook");
    }
    if (response.statusCode() / 100 != 2) {
      throw new ConflictException("the purge webhook answered " + response.statusCode());
    }
    String digest = sha256(response.body());
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "insert into content_purge (id, request_id, url_count, status_code,"
                        + " response_digest, called_at) values (:id, :request, :count, :status,"
                        + " :digest, :now)")
                .bind("id", UUID.randomUUID())
                .bind("request", requestId)
                .bind("count", urls.size())
                .bind("status", response.statusCode())
                .bind("digest", digest)
                .bind("now", clock.instant())
                .execute());
    return SystemResult.done(
        "purge requested; status " + response.statusCode() + ", answer sha256 " + digest,
        Map.of("urls", urls.size(), "status", response.statusCode()),
        List.of());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
