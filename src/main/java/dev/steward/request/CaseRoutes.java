package dev.steward.request;

import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.request.RequestApi.AssignBody;
import dev.steward.request.RequestApi.CompleteBody;
import dev.steward.request.RequestApi.DenyBody;
import dev.steward.request.RequestApi.FeeBody;
import dev.steward.request.RequestApi.NoteBody;
import dev.steward.request.RequestApi.PauseBody;
import dev.steward.request.RequestApi.ReasonBody;
import dev.steward.request.RequestApi.RequestList;
import dev.steward.request.RequestApi.ResumeBody;
import dev.steward.request.RequestApi.ReviewBody;
import dev.steward.request.RequestApi.VerifyBody;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.RouteRegistry;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * The request queue and the transitions staff make. Every route about one request goes through the
 * {@link CaseloadGate}, so agents reach only their assigned requests and client accounts those they
 * filed.
 */
final class CaseRoutes {
  private final Requests requests;
  private final CaseloadGate gate;

  CaseRoutes(Requests requests) {
    this.requests = requests;
    this.gate = new CaseloadGate(requests);
  }

  /** A transition: parse the body, call one method, answer the request's summary. */
  @FunctionalInterface
  private interface Transition<B> {
    RequestSummary apply(Principal caller, UUID id, B body);
  }

  void addTo(RouteRegistry routes) {
    Access read = Access.requires(Permission.REQUEST_READ);
    routes.add(
        ApiRoute.get("/api/v1/requests")
            .access(read)
            .tag("requests")
            .summary("Open requests by due date; ?due_within=7d or ?overdue=true")
            .response(RequestList.class)
            .handle((ctx, caller) -> ctx.json(new RequestList(list(ctx, caller)))));
    routes.add(
        ApiRoute.get(CaseloadGate.PATH)
            .access(read)
            .tag("requests")
            .summary("One request with its clocks, history, documents and contact (audited)")
            .response(RequestDetail.class)
            .handle(gate.checked((ctx, caller, id) -> ctx.json(requests.detail(caller, id)))));
    transition(
        routes,
        "verify",
        "Verified by other means, with when the evidence arrived",
        VerifyBody.class,
        (caller, id, body) ->
            requests.verify(caller, id, body.method(), body.evidenceReceivedAt()));
    transition(
        routes,
        "start",
        "Start work on a verified request (fulfilment is planned)",
        null,
        (caller, id, body) -> requests.start(caller, id));
    transition(
        routes,
        "extend",
        "Extend the time once, with the reason the requester is told",
        ReasonBody.class,
        (caller, id, body) -> requests.extend(caller, id, body.reason()));
    transition(
        routes,
        "pause",
        "Stop the UK clock while a clarification is awaited",
        PauseBody.class,
        (caller, id, body) -> requests.pause(caller, id, body.askedAt()));
    transition(
        routes,
        "resume",
        "Restart the clock when the clarification arrives",
        ResumeBody.class,
        (caller, id, body) -> requests.resume(caller, id, body.answeredAt()));
    transition(
        routes,
        "fee",
        "Record when the fee asked of a UK requester arrived; the UK month runs afresh from it",
        FeeBody.class,
        (caller, id, body) -> requests.feeReceived(caller, id, body.receivedAt()));
    transition(
        routes,
        "complete",
        "Complete with the evidence of what was done",
        CompleteBody.class,
        (caller, id, body) -> requests.complete(caller, id, body.evidence(), body.message()));
    transition(
        routes,
        "deny",
        "Deny with a reason, and the exemption relied on",
        DenyBody.class,
        (caller, id, body) ->
            requests.deny(caller, id, body.reason(), body.exemption(), body.note()));
    transition(
        routes,
        "withdraw",
        "The requester withdrew the request",
        NoteBody.class,
        (caller, id, body) -> requests.withdraw(caller, id, body.note()));
    routes.add(
        ApiRoute.post(CaseloadGate.PATH + "/assign")
            .access(Access.requires(Permission.REQUEST_ASSIGN))
            .tag("requests")
            .summary("Assign the request to a staff member")
            .request(AssignBody.class)
            .response(RequestSummary.class)
            .handle(
                gate.checked(
                    (ctx, caller, id) ->
                        ctx.json(
                            requests.assign(
                                caller, id, Json.read(ctx, AssignBody.class).assignee())))));
    routes.add(
        ApiRoute.get(CaseloadGate.PATH + "/documents/{documentId}")
            // The permission that reviews documents is checked with the caseload: any other
            // caller is told there is no such document, as for a request outside their caseload.
            .access(Access.requires(Permission.REQUEST_READ))
            .tag("requests")
            .summary(
                "Download an uploaded identity document to review it (request:work, in the"
                    + " caller's caseload); audited, never cached")
            .produces("application/octet-stream")
            .handle(
                gate.checked(
                    (ctx, caller, id) -> {
                      OpenedDocument document =
                          requests.document(caller, id, RequestApi.id(ctx.pathParam("documentId")));
                      ctx.header("Cache-Control", "no-store")
                          .header(
                              "Content-Disposition",
                              "attachment; filename=\""
                                  + document.kind()
                                  + "-"
                                  + document.id()
                                  + extension(document.contentType())
                                  + "\"")
                          .contentType(document.contentType())
                          .result(document.bytes());
                    })));
    routes.add(
        ApiRoute.post(CaseloadGate.PATH + "/documents/{documentId}/review")
            .access(Access.requires(Permission.REQUEST_WORK))
            .tag("requests")
            .summary("Approve or reject an uploaded document, with the reason")
            .request(ReviewBody.class)
            .status(204)
            .handle(
                gate.checked(
                    (ctx, caller, id) -> {
                      ReviewBody body = Json.read(ctx, ReviewBody.class);
                      requests.review(
                          caller,
                          id,
                          RequestApi.id(ctx.pathParam("documentId")),
                          body.approved(),
                          body.reason());
                      ctx.status(204);
                    })));
  }

  private static String extension(String contentType) {
    return switch (contentType) {
      case "application/pdf" -> ".pdf";
      case "image/png" -> ".png";
      case "image/jpeg" -> ".jpg";
      case "image/heic" -> ".heic";
      case "image/webp" -> ".webp";
      default -> "";
    };
  }

  private <B> void transition(
      RouteRegistry routes, String name, String summary, Class<B> body, Transition<B> action) {
    routes.add(
        ApiRoute.post(CaseloadGate.PATH + "/" + name)
            .access(Access.requires(Permission.REQUEST_WORK))
            .tag("requests")
            .summary(summary)
            .request(body)
            .response(RequestSummary.class)
            .handle(
                gate.checked(
                    (ctx, caller, id) -> {
                      B parsed = body == null ? null : Json.read(ctx, body);
                      ctx.json(action.apply(caller, id, parsed));
                    })));
  }

  private java.util.List<RequestSummary> list(Context ctx, Principal caller) {
    String within = ctx.queryParam("due_within");
    if (within != null) {
      return requests.queue().dueWithin(caller, RequestApi.period(within));
    }
    if ("true".equals(ctx.queryParam("overdue"))) {
      return requests.queue().overdue(caller);
    }
    return requests.queue().open(caller);
  }
}
