package dev.steward.vault;

import java.time.Instant;
import java.util.UUID;

/**
 * What is left of an erased subject: when and why, the request that asked for it, and (in the
 * store) the keyed hashes of its identities.
 *
 * @param completedAt null while the erasure is still under way
 */
public record Tombstone(
    UUID subjectId, Instant erasedAt, String reason, String requestId, Instant completedAt) {}
