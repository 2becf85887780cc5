package dev.steward.request;

import dev.steward.consent.Gpc;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.Channel;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.request.RequestApi.ContentRemovalBody;
import dev.steward.request.RequestApi.IdentityBody;
import dev.steward.request.RequestApi.PublicRequestBody;
import dev.steward.request.RequestApi.Reference;
import dev.steward.request.RequestApi.RequestBody;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where requests come in: the privacy center (public, rate-limited; it answers a reference number
 * and nothing else), staff and client accounts, and business customers.
 */
final class IntakeRoutes {
  private static final Set<Channel> STAFF_CHANNELS =
      Set.of(Channel.EMAIL, Channel.PHONE, Channel.POST);

  private final Requests requests;
  private final IntakeGate gate;

  IntakeRoutes(Requests requests, IntakeGate gate) {
    this.requests = requests;
    this.gate = gate;
  }

  void addTo(RouteRegistry routes) {
    Access intake = Access.open(PublicKind.INTAKE);
    routes.add(
        ApiRoute.post("/api/v1/public/requests")
            .access(intake)
            .tag("requests")
            .summary("Submit a request from the privacy center; answers its reference only")
            .request(PublicRequestBody.class)
            .example(
                "{\"type\":\"access\",\"residence\":\"GB\",\"identity\":{\"email\":\"ada@example.co.uk\"}}")
            .response(Reference.class)
            .status(202)
            .handle((ctx, caller) -> submitPublic(ctx)));
    routes.add(
        ApiRoute.post("/api/v1/requests")
            .access(Access.requires(Permission.REQUEST_SUBMIT))
            .tag("requests")
            .summary("Submit a request, or log one that arrived by email, phone or post")
            .request(RequestBody.class)
            .example(
                "{\"type\":\"access\",\"residence\":\"GB\",\"identity\":{\"email\":\"bo@example.co.uk\"},\"channel\":\"email\"}")
            .response(Reference.class)
            .status(202)
            .handle((ctx, caller) -> submit(ctx, caller)));
    routes.add(
        ApiRoute.post("/api/v1/content-removals")
            .access(Access.requires(Permission.CONTENT_REMOVAL_SUBMIT))
            .tag("requests")
            .summary("A business customer asks for copies of its content to leave the network")
            .request(ContentRemovalBody.class)
            .response(Reference.class)
            .status(202)
            .handle((ctx, caller) -> contentRemoval(ctx, caller)));
  }

  private void submitPublic(Context ctx) {
    PublicRequestBody body = Json.read(ctx, PublicRequestBody.class);
    if (TypeNames.isCustomerContentQuestion(body.type())) {
      ctx.status(200).json(requests.customerContent());
      return;
    }
    IdentityBody identity = identity(body.identity());
    Submission submission =
        new Submission(
            body.type(),
            body.residence(),
            identity.email(),
            identity.phone(),
            body.details(),
            body.language(),
            body.document(),
            body.agent() == null ? null : body.agent().name(),
            body.agent() == null ? null : body.agent().email(),
            Channel.WEB_FORM,
            null,
            true,
            null);
    boolean gpc = Gpc.signalled(ctx.header(Gpc.HEADER));
    ctx.status(202)
        .json(
            new Reference(
                gate.admit(() -> requests.submitPublic(Verifications.REQUESTER, submission, gpc))));
  }

  private void submit(Context ctx, Principal caller) {
    RequestBody body = Json.read(ctx, RequestBody.class);
    if (TypeNames.isCustomerContentQuestion(body.type())) {
      ctx.status(200).json(requests.customerContent());
      return;
    }
    boolean staff = caller instanceof Principal.Staff;
    Channel channel = Channel.WEB_FORM;
    if (body.channel() != null) {
      channel = channel(body.channel());
      if (!staff || !STAFF_CHANNELS.contains(channel)) {
        throw new InvalidInputException(
            "staff log requests that arrived by email, phone or post; others give no channel",
            List.of(new FieldProblem("channel", "email, phone or post, for staff only")));
      }
    }
    if (!staff && (body.receivedAt() != null || body.acknowledge() != null)) {
      throw new InvalidInputException(
          "only staff logging a request give receivedAt or acknowledge",
          List.of(new FieldProblem("receivedAt", "for staff only")));
    }
    IdentityBody identity = identity(body.identity());
    Submission submission =
        new Submission(
            body.type(),
            body.residence(),
            identity.email(),
            identity.phone(),
            body.details(),
            body.language(),
            body.document(),
            body.agent() == null ? null : body.agent().name(),
            body.agent() == null ? null : body.agent().email(),
            channel,
            body.receivedAt(),
            body.acknowledge() == null || body.acknowledge(),
            null);
    ctx.status(202).json(new Reference(gate.admit(() -> requests.submit(caller, submission))));
  }

  private void contentRemoval(Context ctx, Principal caller) {
    ContentRemovalBody body = Json.read(ctx, ContentRemovalBody.class);
    // Filed by the customer's own system with its token: no web form of ours was used.
    ctx.status(202)
        .json(
            new Reference(
                gate.admit(
                    () ->
                        requests.submitContentRemoval(
                            caller, body.email(), body.details(), body.language(), null))));
  }

  private static IdentityBody identity(IdentityBody identity) {
    return identity == null ? new IdentityBody(null, null) : identity;
  }

  private static Channel channel(String text) {
    try {
      return Channel.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "'" + text + "' is not a channel of the policy",
          List.of(new FieldProblem("channel", "email, phone or post")));
    }
  }
}
