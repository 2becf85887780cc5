package dev.steward.console;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditReader;
import dev.steward.audit.AuditTrail;
import dev.steward.audit.AuditVerification;
import dev.steward.audit.AuditVerifier;
import dev.steward.error.InvalidInputException;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.RouteRegistry;
import java.util.List;

/**
 * The audit log, a page of entries at a time in chain order, and the button that walks the whole
 * chain and its signed checkpoints, as {@code POST /api/v1/audit/verify} does (and recorded as it
 * records it).
 */
public final class AuditPages {
  private static final Access READ = Access.requires(Permission.AUDIT_READ);
  private static final int PAGE = 100;

  private final AuditReader reader;
  private final AuditVerifier verifier;
  private final AuditTrail audit;

  public AuditPages(AuditReader reader, AuditVerifier verifier, AuditTrail audit) {
    this.reader = reader;
    this.verifier = verifier;
    this.audit = audit;
  }

  public void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get("/console/audit", READ, page -> show(page, null)));
    registry.addPage(
        PageRoute.post(
            "/console/audit/verify",
            READ,
            page -> {
              AuditVerification result = verifier.verify();
              audit.record(
                  page.caller(),
                  "audit.verified",
                  "audit-chain",
                  "head",
                  result.ok() ? "ok" : "failed",
                  "entries=" + result.entries());
              show(page, result);
            }));
  }

  private void show(PageCall page, AuditVerification verified) {
    long after = after(page.query("after"));
    List<AuditEntry> entries = reader.page(after, PAGE);
    long next = entries.size() < PAGE ? 0 : entries.get(entries.size() - 1).seq();
    page.render(
        "console/audit.jte",
        new AuditLogPage(ConsoleNav.of(page.caller(), "audit"), entries, after, next, verified));
  }

  private static long after(String raw) {
    if (raw.isEmpty()) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(raw));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("'after' must be a whole number");
    }
  }

  /**
   * @param next the {@code after} of the next page, 0 when this is the last
   * @param verified the outcome of the chain's check, when the button was just pressed
   */
  public record AuditLogPage(
      ConsoleNav nav,
      List<AuditEntry> entries,
      long after,
      long next,
      AuditVerification verified) {}
}
