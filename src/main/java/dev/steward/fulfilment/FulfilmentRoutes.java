package dev.steward.fulfilment;

import dev.steward.principal.Permission;
import dev.steward.request.CaseloadGate;
import dev.steward.request.Requests;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Staff give instructions and read the tasks of a request in their caseload ({@link CaseloadGate});
 * the person downloads their package by its signed link. The download is a PRIVACY_CENTER route:
 * the person arrives from the letter's link like any privacy-center page, holding no credential but
 * the link, and it is rate-limited per address so signatures cannot be guessed at speed.
 */
public final class FulfilmentRoutes {
  private final CaseloadGate gate;
  private final InstructionDesk desk;
  private final AccessPackages packages;
  private final Jdbi jdbi;

  FulfilmentRoutes(Requests requests, InstructionDesk desk, AccessPackages packages, Jdbi jdbi) {
    this.gate = new CaseloadGate(requests);
    this.desk = desk;
    this.packages = packages;
    this.jdbi = jdbi;
  }

  /**
   * A task as staff see it: no personal data.
   *
   * @param waiting while the system fails and the task is retried, {@code waiting on SYSTEM since
   *     TIME: ERROR}; null otherwise
   */
  record TaskView(String system, String operation, String status, int attempts, String waiting) {}

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.post(CaseloadGate.PATH + "/instructions")
            .access(Access.requires(Permission.REQUEST_WORK))
            .tag("fulfilment")
            .summary(
                "What fulfilment needs beyond the request: corrections, kept categories, purposes,"
                    + " a portability endpoint, content URLs")
            .request(Instructions.class)
            .status(204)
            .handle(
                gate.checked(
                    (ctx, caller, id) -> {
                      desk.give(caller, id, Json.read(ctx, Instructions.class));
                      ctx.status(204);
                    })));
    routes.add(
        ApiRoute.get(CaseloadGate.PATH + "/tasks")
            .access(Access.requires(Permission.REQUEST_READ))
            .tag("fulfilment")
            .summary("The fulfilment tasks of a request, with attempts and status")
            .handle(
                gate.checked(
                    (ctx, caller, id) -> {
                      List<TaskView> tasks =
                          new RequestTasks(jdbi)
                              .of(id).stream()
                                  .map(
                                      t ->
                                          new TaskView(
                                              t.system(),
                                              t.operation(),
                                              t.status(),
                                              t.attempts(),
                                              t.waitingLine()))
                                  .toList();
                      ctx.json(Map.of("tasks", tasks));
                    })));
    routes.add(
        ApiRoute.get(DownloadLinks.PATH + "{id}")
            .access(Access.open(PublicKind.PRIVACY_CENTER))
            .refusesHead() // each GET counts a copy, and copies after the first may bear a fee
            .tag("fulfilment")
            .summary("An access package by its signed, expiring link")
            .produces("application/zip")
            .handle(
                (ctx, caller) -> {
                  byte[] zip =
                      packages.download(
                          parse(ctx.pathParam("id")),
                          ctx.queryParam("subject"),
                          ctx.queryParam("expires"),
                          ctx.queryParam("sig"));
                  ctx.header("Content-Disposition", "attachment; filename=\"personal-data.zip\"");
                  ctx.header("Cache-Control", "no-store");
                  ctx.contentType("application/zip").result(zip);
                }));
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new dev.steward.error.StewardException(
          "invalid-link", 403, "this download link is not valid");
    }
  }
}
