package dev.steward.audit;

/**
 * The outcome of walking the audit chain: either every entry checked out, or the first entry found
 * changed, deleted or reordered and why.
 *
 * @param entries how many entries were checked and found intact
 * @param brokenAt the sequence number of the first bad entry, or 0 when the chain is intact
 * @param reason why that entry is bad, or null when the chain is intact
 */
public record AuditVerification(long entries, long brokenAt, String reason) {
  static AuditVerification ok(long entries) {
    return new AuditVerification(entries, 0, null);
  }

  static AuditVerification broken(long entries, long brokenAt, String reason) {
    return new AuditVerification(entries, brokenAt, reason);
  }

  public boolean ok() {
    return reason == null;
  }

  /** {@code ok N entries} or {@code audit chain broken at entry N: <reason>}. */
  public String message() {
    return ok()
        ? "ok " + entries + " entries"
        : "audit chain broken at entry " + brokenAt + ": " + reason;
  }

  /** The earlier of two failures; an intact result never wins over a broken one. */
  AuditVerification earliest(AuditVerification other) {
    if (other == null || other.ok()) {
      return this;
    }
    return ok() || other.brokenAt < brokenAt ? other : this;
  }
}
