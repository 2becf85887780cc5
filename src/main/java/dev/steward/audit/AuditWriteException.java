package dev.steward.audit;

import dev.steward.error.StoreUnavailableException;

/**
 * Audit entries could not be made durable, or the audit log is closed. The whole batch they were
 * part of was rolled back: none of its entries exists, and the chain is unchanged.
 */
public final class AuditWriteException extends StoreUnavailableException {
  public AuditWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
