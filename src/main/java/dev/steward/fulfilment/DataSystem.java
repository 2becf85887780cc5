package dev.steward.fulfilment;

import dev.steward.error.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A place that holds personal data and can act on a rights request: the vault, and through the
 * connectors SQL databases, log files, mailing tools and processors reached by webhook or OpenDSR.
 * Fulfilment plans one task per request per system for each operation in {@link #capabilities()},
 * and calls the matching method from a db-scheduler task, possibly again after a failure: every
 * method must be idempotent. A method throws to ask for a retry; the message is stored as the
 * task's last error, so it must not hold personal data. Implementations are thread-safe.
 */
public interface DataSystem {

  /** Stable id, used in task rows and evidence, e.g. {@code vault}. */
  String id();

  /** The operations this system supports; the others are never called. */
  Set<Operation> capabilities();

  default boolean supports(Operation operation) {
    return capabilities().contains(operation);
  }

  /** Every item held about the subject. */
  default SystemResult access(SubjectRef subject) {
    throw unsupported(Operation.ACCESS);
  }

  /** Deletes the subject's items, keeping those in {@code scope} that an exemption keeps. */
  default SystemResult erase(SubjectRef subject, ErasureScope scope) {
    throw unsupported(Operation.ERASE);
  }

  /** Replaces the named items' values; items this system does not hold are skipped. */
  default SystemResult rectify(SubjectRef subject, List<Correction> corrections) {
    throw unsupported(Operation.RECTIFY);
  }

  /** Marks the subject's items restricted (or lifts it): stored, not otherwise used. */
  default SystemResult restrict(SubjectRef subject, boolean restricted) {
    throw unsupported(Operation.RESTRICT);
  }

  /** Deletes items of {@code category} collected before {@code cutoff}; for retention sweeps. */
  default SystemResult deleteOlderThan(String category, Instant cutoff) {
    throw unsupported(Operation.DELETE_BY_AGE);
  }

  private ConflictException unsupported(Operation operation) {
    return new ConflictException("system " + id() + " does not support " + operation.id());
  }
}
