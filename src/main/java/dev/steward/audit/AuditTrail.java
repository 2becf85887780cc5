package dev.steward.audit;

import dev.steward.principal.Principal;
import org.jdbi.v3.core.Handle;

/**
 * What features call to leave an audit entry. Object ids and details carry ids only, never personal
 * data. Implementations are thread-safe.
 *
 * <p>Two kinds of call. An entry about a change made in a transaction is recorded with that
 * transaction's {@link Handle}: it is kept if, and only if, the transaction commits. An entry about
 * something that is not a change of the store (a read, a refusal, a look-up) is recorded without a
 * handle and is durable when the call returns.
 */
@FunctionalInterface
public interface AuditTrail {
  /** Records what happened outside any transaction; returns once the entry is durable. */
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

  /**
   * Records a change made in {@code handle}'s transaction, kept only if that transaction commits.
   * This default appends once the commit is done, which suits recorders kept in memory; the {@link
   * AuditLog} stages the entry in the transaction itself, so that no crash can part the two.
   */
  default void record(
      Handle handle,
      Principal actor,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String detail) {
    if (handle.isInTransaction()) {
      handle.afterCommit(() -> record(actor, action, objectType, objectId, outcome, detail));
    } else {
      record(actor, action, objectType, objectId, outcome, detail);
    }
  }

  default void record(
      Handle handle, Principal actor, String action, String objectType, String objectId) {
    record(handle, actor, action, objectType, objectId, "ok", null);
  }
}
