package dev.steward.breach;

import java.time.Instant;
import java.util.UUID;

/**
 * A letter sent to one person affected, by ids: the vault subject and the outbox letter, whose
 * delivery state is {@code status}.
 */
public record BreachLetter(
    UUID subjectId, UUID outboxId, String language, Instant sentAt, String status) {}
