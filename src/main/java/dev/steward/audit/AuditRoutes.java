package dev.steward.audit;

import dev.steward.error.InvalidInputException;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.RouteRegistry;
import java.util.List;

/** The audit log for auditors: read it page by page, and verify the whole chain. */
public final class AuditRoutes {
  private final AuditReader reader;
  private final AuditVerifier verifier;
  private final AuditTrail audit;

  public AuditRoutes(AuditReader reader, AuditVerifier verifier, AuditTrail audit) {
    this.reader = reader;
    this.verifier = verifier;
    this.audit = audit;
  }

  /** A page of entries; pass {@code next} as {@code after} to read on. */
  public record Page(List<AuditEntry> entries, long next) {}

  /** The outcome of walking the chain: {@code ok}, or the first broken entry and why. */
  public record Verification(boolean ok, long entries, long brokenAt, String message) {}

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.get("/api/v1/audit/entries")
            .access(Access.requires(Permission.AUDIT_READ))
            .tag("audit")
            .summary("Audit entries in chain order (?after=SEQ&limit=N, at most 1000)")
            .response(Page.class)
            .handle(
                (ctx, caller) -> {
                  long after = number(ctx.queryParam("after"), "after", 0);
                  int limit = (int) number(ctx.queryParam("limit"), "limit", 100);
                  List<AuditEntry> entries = reader.page(after, limit);
                  long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).seq();
                  ctx.json(new Page(entries, next));
                }));
    routes.add(
        ApiRoute.post("/api/v1/audit/verify")
            .access(Access.requires(Permission.AUDIT_READ))
            .tag("audit")
            .summary("Walk the whole chain and its signed checkpoints")
            .response(Verification.class)
            .handle(
                (ctx, caller) -> {
                  AuditVerification result = verifier.verify();
                  audit.record(
                      caller,
                      "audit.verified",
                      "audit-chain",
                      "head",
                      result.ok() ? "ok" : "failed",
                      "entries=" + result.entries());
                  ctx.json(
                      new Verification(
                          result.ok(), result.entries(), result.brokenAt(), result.message()));
                }));
  }

  private static long number(String value, String name, long otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      long parsed = Long.parseLong(value.strip());
      if (parsed < 0) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "the query parameter '" + name + "' must be a whole number >= 0");
    }
  }
}
