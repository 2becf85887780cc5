package dev.steward.audit;

import java.time.Instant;

/**
 * One stored, chained audit entry. {@code hash} is SHA-256 over {@code prevHash} and the entry's
 * canonical form (see {@code CanonicalForm}); both are 64 lower-case hex digits.
 */
public record AuditEntry(
    long seq,
    Instant at,
    String actorType,
    String actorId,
    String action,
    String objectType,
    String objectId,
    String outcome,
    String detail,
    String prevHash,
    String hash) {

  static AuditEntry of(long seq, Instant at, AuditEvent event, String prevHash, String hash) {
    return new AuditEntry(
        seq,
        at,
        event.actorType(),
        event.actorId(),
        event.action(),
        event.objectType(),
        event.objectId(),
        event.outcome(),
        event.detail(),
        prevHash,
        hash);
  }
}
