package dev.steward.request;

import dev.steward.principal.Principal;
import dev.steward.web.ApiHandler;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * The one check of every route about one request ({@value #PATH} and below), whichever feature
 * declares it: the handler runs only once the request its {@code {id}} names is in the caller's
 * caseload (support agents reach the requests assigned to them, client accounts those they filed).
 * Any other is "not found", the same answer as an id that names nothing, given before the body is
 * read, so an outsider learns nothing of the request. The services check again with the row locked,
 * so a request reassigned between the two checks is not worked by its former agent. Stateless and
 * thread-safe.
 */
public final class CaseloadGate {
  /** The path of one request; routes about it extend it. */
  public static final String PATH = "/api/v1/requests/{id}";

  /** The handler of a route about one request, given its id once the caller may reach it. */
  @FunctionalInterface
  public interface Handler {
    void handle(Context ctx, Principal caller, UUID requestId) throws Exception;
  }

  private final Requests requests;

  public CaseloadGate(Requests requests) {
    this.requests = requests;
  }

  /** {@code handler}, run only for a request in the caller's caseload. */
  public ApiHandler checked(Handler handler) {
    return (ctx, caller) ->
        handler.handle(ctx, caller, requests.inCaseload(caller, ctx.pathParam("id")));
  }
}
