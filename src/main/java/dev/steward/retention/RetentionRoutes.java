package dev.steward.retention;

import dev.steward.error.BadRequestException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.OptionalField;
import dev.steward.web.RouteRegistry;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Retention over HTTP: the rules with what a run now would delete, legal holds (placed and released
 * by {@code retention:manage}, the DPO and admins), the runs and their signed deletion
 * certificates, and a check of a certificate.
 */
public final class RetentionRoutes {
  private static final Access READ = Access.requires(Permission.RETENTION_READ);
  private static final Access MANAGE = Access.requires(Permission.RETENTION_MANAGE);

  private final RetentionSweep sweep;
  private final Holds holds;

  public RetentionRoutes(RetentionSweep sweep, Holds holds) {
    this.sweep = sweep;
    this.holds = holds;
  }

  /** A hold to place: scope is subject, category, system or case; reviewOn a date. */
  public record HoldBody(
      String scope,
      String target,
      String reason,
      String owner,
      @OptionalField LocalDate reviewOn) {}

  public record ReleaseBody(String reason) {}

  public record HoldList(List<Hold> holds) {}

  public record RunList(List<RunSummary> runs) {}

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.get("/api/v1/retention/rules")
            .access(READ)
            .tag("retention")
            .summary(
                "The retention rules in force with what a run now would delete by rule and"
                    + " system, and what legal holds keep (a dry run: nothing changes)")
            .response(SweepReport.class)
            .handle((ctx, caller) -> ctx.json(sweep.dryRun(caller))));
    routes.add(
        ApiRoute.get("/api/v1/retention/holds")
            .access(READ)
            .tag("retention")
            .summary("Legal holds, those in force first")
            .response(HoldList.class)
            .handle((ctx, caller) -> ctx.json(new HoldList(holds.list(caller)))));
    routes.add(
        ApiRoute.post("/api/v1/retention/holds")
            .access(MANAGE)
            .tag("retention")
            .summary(
                "Place a legal hold on a subject, category, system or case, with its reason,"
                    + " owner and review date")
            .request(HoldBody.class)
            .response(Hold.class)
            .status(201)
            .handle(
                (ctx, caller) -> {
                  HoldBody body = Json.read(ctx, HoldBody.class);
                  ctx.status(201).json(holds.place(caller, newHold(body)));
                }));
    routes.add(
        ApiRoute.post("/api/v1/retention/holds/{id}/release")
            .access(MANAGE)
            .tag("retention")
            .summary("Release a legal hold, saying why")
            .request(ReleaseBody.class)
            .response(Hold.class)
            .handle(
                (ctx, caller) -> {
                  UUID id = id(ctx);
                  ReleaseBody body = Json.read(ctx, ReleaseBody.class);
                  ctx.json(holds.release(caller, id, body.reason()));
                }));
    routes.add(
        ApiRoute.get("/api/v1/retention/runs")
            .access(READ)
            .tag("retention")
            .summary("Retention runs, newest first, with their counts and certificate hashes")
            .response(RunList.class)
            .handle((ctx, caller) -> ctx.json(new RunList(sweep.runs(caller)))));
    routes.add(
        ApiRoute.get("/api/v1/retention/runs/{id}/certificate")
            .access(READ)
            .tag("retention")
            .summary("The signed deletion certificate of a finished run (JSON, ids only)")
            .produces("application/json")
            .handle(
                (ctx, caller) -> {
                  UUID id = id(ctx);
                  String document = sweep.certificate(caller, id);
                  ctx.header(
                      "Content-Disposition",
                      "attachment; filename=\"deletion-certificate-" + id + ".json\"");
                  ctx.contentType("application/json").result(document);
                }));
    routes.add(
        ApiRoute.post("/api/v1/retention/certificates/verify")
            .access(READ)
            .tag("retention")
            .summary(
                "Check a deletion certificate: its hash and its signature under the audit"
                    + " checkpoint key")
            .response(Certificates.Verification.class)
            .handle(
                (ctx, caller) -> {
                  byte[] body = ctx.bodyAsBytes();
                  if (body.length == 0) {
                    throw new BadRequestException("the certificate is the body");
                  }
                  ctx.json(sweep.verify(caller, new String(body, StandardCharsets.UTF_8)));
                }));
  }

  static NewHold newHold(HoldBody body) {
    Hold.Scope scope = null;
    if (body.scope() != null) {
      try {
        scope = Hold.Scope.of(body.scope().strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            "the hold was not placed",
            List.of(new FieldProblem("scope", "is one of subject, category, system, case")));
      }
    }
    return new NewHold(scope, body.target(), body.reason(), body.owner(), body.reviewOn());
  }

  private static UUID id(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("the id in the path is not a valid id");
    }
  }
}
