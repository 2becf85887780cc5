package dev.steward.audit;

import dev.steward.principal.Principal;

/**
 * What features call to leave an audit entry. Returns once the entry is durable. Implementations
 * are thread-safe. Object ids and details carry ids only, never personal data.
 */
@FunctionalInterface
public interface AuditTrail {
  void record(
      Principal actor,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String detail);

  default void record(Principal actor, String action, String objectType, String objectId) {
    record(actor, action, objectType, objectId, "ok", null);
  }
}
