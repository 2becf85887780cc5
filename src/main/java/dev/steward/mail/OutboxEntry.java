package dev.steward.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * What the outbox keeps about a letter, ids and times only: never the recipient or the content.
 *
 * @param messageId the Message-ID header every copy of the letter carries, with angle brackets
 * @param attempts SMTP attempts so far, the successful one included
 * @param lastError why the last attempt failed, without personal data; null after success
 * @param giveUpAt when the letter is marked failed if the server has still not accepted it
 */
public record OutboxEntry(
    UUID id,
    String kind,
    String messageId,
    String relatedType,
    String relatedId,
    MailStatus status,
    int attempts,
    String lastError,
    Instant enqueuedAt,
    Instant giveUpAt,
    Instant lastAttemptAt,
    Instant sentAt,
    Instant failedAt) {}
