package dev.steward.session;

import dev.steward.access.SubjectSessions;
import dev.steward.principal.Principal;
import dev.steward.request.Requests;
import dev.steward.session.SessionApi.MyRequest;
import dev.steward.session.SessionApi.MyRequests;
import dev.steward.session.SessionApi.SignedIn;
import dev.steward.session.SessionApi.StartBody;
import dev.steward.session.SessionApi.Started;
import dev.steward.session.SessionApi.VerifyBody;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;

/**
 * A person's sign-in by one-time code (public intake routes) and what their subject session may
 * reach: their own requests, and signing out. Thin: parse, call one service, render.
 */
public final class SessionRoutes {
  private final SubjectSignIn signIn;
  private final Requests requests;

  public SessionRoutes(SubjectSignIn signIn, Requests requests) {
    this.signIn = signIn;
    this.requests = requests;
  }

  public void addTo(RouteRegistry routes) {
    Access intake = Access.open(PublicKind.INTAKE);
    routes.add(
        ApiRoute.post("/api/v1/public/sessions")
            .access(intake)
            .tag("sessions")
            .summary("Send a sign-in code to an email or phone; the same answer for anyone")
            .request(StartBody.class)
            .example(
                "{\"identity\":{\"type\":\"email\",\"value\":\"ada@example.co.uk\"},\"language\":\"en\"}")
            .response(Started.class)
            .status(202)
            .handle(
                (ctx, caller) -> {
                  StartBody body = Json.read(ctx, StartBody.class);
                  String type = body.identity() == null ? null : body.identity().type();
                  String value = body.identity() == null ? null : body.identity().value();
                  ctx.status(202)
                      .json(new Started(signIn.start(type, value, body.language()).toString()));
                }));
    routes.add(
        ApiRoute.post("/api/v1/public/sessions/verify")
            .access(intake)
            .tag("sessions")
            .summary("Exchange the code for a subject-session token (shown once, 30 minutes)")
            .request(VerifyBody.class)
            .response(SignedIn.class)
            .handle(
                (ctx, caller) -> {
                  VerifyBody body = Json.read(ctx, VerifyBody.class);
                  SubjectSessions.Opened opened = signIn.verify(body.challengeId(), body.code());
                  ctx.json(new SignedIn(opened.token(), opened.expiresAt()));
                }));
    routes.add(
        ApiRoute.get("/api/v1/me/requests")
            .access(Access.subject())
            .tag("sessions")
            .summary("The signed-in person's own rights requests")
            .response(MyRequests.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(
                        new MyRequests(
                            requests.ofSubject(session(caller)).stream()
                                .map(MyRequest::of)
                                .toList()))));
    routes.add(
        ApiRoute.post("/api/v1/me/sign-out")
            .access(Access.subject())
            .tag("sessions")
            .summary("End the subject session; its token stops working at once")
            .status(204)
            .handle(
                (ctx, caller) -> {
                  signIn.signOut(session(caller));
                  ctx.status(204);
                }));
  }

  // The registry admits only subject sessions to these routes.
  private static Principal.SubjectSession session(Principal caller) {
    return (Principal.SubjectSession) caller;
  }
}
