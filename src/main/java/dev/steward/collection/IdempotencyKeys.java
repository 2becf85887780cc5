package dev.steward.collection;

import dev.steward.error.ConflictException;
import dev.steward.store.UniqueViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code Idempotency-Key} of collection calls, scoped per form. The first call with a key
 * claims it; a retry with the same submission gets the stored answer; the same key with another
 * submission is a conflict. A claim whose call died without answering (a crashed node) may be taken
 * over after {@link #ABANDONED}. Thread-safe; several nodes share the table.
 */
final class IdempotencyKeys {
  static final Duration ABANDONED = Duration.ofMinutes(10);

  private final Jdbi jdbi;
  private final Clock clock;

  IdempotencyKeys(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Empty when this call now owns the key; else the answer to replay. */
  Optional<String> claim(String formId, String key, String requestHash) {
    Instant now = clock.instant();
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate(
                      "insert into collect_idempotency (form_id, idem_key, request_hash,"
                          + " created_at) values (:form, :key, :hash, :now)")
                  .bind("form", formId)
                  .bind("key", key)
                  .bind("hash", requestHash)
                  .bind("now", now)
                  .execute());
      return Optional.empty();
    } catch (RuntimeException e) {
      if (!UniqueViolation.causedBy(e)) {
        throw e;
      }
    }
    Stored stored =
        jdbi.withHandle(
                handle ->
                    handle
                        .createQuery(
                            "select request_hash, response, created_at from collect_idempotency"
                                + " where form_id = :form and idem_key = :key")
                        .bind("form", formId)
                        .bind("key", key)
                        .map(
                            (rs, ctx) ->
                                new Stored(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getObject(3, OffsetDateTime.class).toInstant()))
                        .findOne())
            .orElseThrow(
                () -> new ConflictException("the Idempotency-Key was just released; retry"));
    if (!stored.requestHash().equals(requestHash)) {
      throw new ConflictException(
          "this Idempotency-Key was already used with a different submission of this form");
    }
    if (stored.response() != null) {
      return Optional.of(stored.response());
    }
    if (stored.createdAt().isBefore(now.minus(ABANDONED)) && takeOver(formId, key, stored, now)) {
      return Optional.empty();
    }
    throw new ConflictException("a submission with this Idempotency-Key is still being processed");
  }

  void complete(String formId, String key, String response) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "update collect_idempotency set response = :response, completed_at = :now"
                        + " where form_id = :form and idem_key = :key")
                .bind("response", response)
                .bind("now", clock.instant())
                .bind("form", formId)
                .bind("key", key)
                .execute());
  }

  /** Frees a key whose call failed, so that a retry is processed afresh. */
  void release(String formId, String key) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "delete from collect_idempotency where form_id = :form and idem_key = :key"
                        + " and response is null")
                .bind("form", formId)
                .bind("key", key)
                .execute());
  }

  private boolean takeOver(String formId, String key, Stored stored, Instant now) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "update collect_idempotency set created_at = :now where form_id = :form"
                            + " and idem_key = :key and created_at = :then and response is null")
                    .bind("now", now)
                    .bind("form", formId)
                    .bind("key", key)
                    .bind("then", stored.createdAt())
                    .execute())
        == 1;
  }

  private record Stored(String requestHash, String response, Instant createdAt) {}
}
