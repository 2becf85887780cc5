package dev.steward.request;

import dev.steward.access.Permission;
import dev.steward.access.Principal;
import dev.steward.error.ForbiddenException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.StewardException;
import dev.steward.policy.Channel;
import dev.steward.request.RequestApi.CodeBody;
import dev.steward.request.RequestApi.ContentRemovalBody;
import dev.steward.request.RequestApi.DataPointsBody;
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
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where requests come in: the privacy center (public, rate-limited; it answers a reference number
 * and nothing else), staff and client accounts, business customers, and the requester's own steps
 * of verification.
 */
final class IntakeRoutes {
  private static final Set<Channel> STAFF_CHANNELS =
      Set.of(Channel.EMAIL, Channel.PHONE, Channel.POST);

  private final Requests requests;

  IntakeRoutes(Requests requests) {
    this.requests = requests;
  }

  void addTo(RouteRegistry routes) {
    Access intake = Access.open(PublicKind.INTAKE);
    routes.add(
        ApiRoute.post("/api/v1/public/requests")
            .access(intake)
            .tag("requests")
            .summary("Submit a request from the privacy center; answers its reference only")
            .request(PublicRequestBody.class)
            .response(Reference.class)
            .status(202)
            .handle((ctx, caller) -> submitPublic(ctx)));
    routes.add(
        ApiRoute.post("/api/v1/requests")
            .access(Access.requires(Permission.REQUEST_SUBMIT))
            .tag("requests")
            .summary("Submit a request, or log one that arrived by email, phone or post")
            .request(RequestBody.class)
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
    routes.add(
        ApiRoute.post("/api/v1/public/requests/{reference}/code")
            .access(intake)
            .tag("requests")
            .summary("Confirm a request with the one-time code sent to the requester")
            .request(CodeBody.class)
            .status(204)
            .handle(
                (ctx, caller) -> {
                  requests.confirmCode(
                      ctx.pathParam("reference"), Json.read(ctx, CodeBody.class).code());
                  ctx.status(204);
                }));
    routes.add(
        ApiRoute.post("/api/v1/public/requests/{reference}/code/resend")
            .access(intake)
            .tag("requests")
            .summary("Send a new code; the answer is the same whatever the reference")
            .status(202)
            .handle(
                (ctx, caller) -> {
                  requests.resendCode(ctx.pathParam("reference"));
                  ctx.status(202);
                }));
    routes.add(
        ApiRoute.post("/api/v1/public/requests/{reference}/data-points")
            .access(intake)
            .tag("requests")
            .summary("CCPA: give the data points (and declaration) that verify the request")
            .request(DataPointsBody.class)
            .status(202)
            .handle(
                (ctx, caller) -> {
                  DataPointsBody body = Json.read(ctx, DataPointsBody.class);
                  requests.submitDataPoints(
                      ctx.pathParam("reference"),
                      body.token(),
                      body.dataPoints(),
                      RequestApi.declaration(body.declaration()));
                  ctx.status(202);
                }));
    routes.add(
        ApiRoute.post("/api/v1/public/requests/{reference}/documents")
            .access(intake)
            .tag("requests")
            .summary("Upload proof (multipart: token, kind, file); stored encrypted for review")
            .status(202)
            .handle((ctx, caller) -> upload(ctx)));
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
    ctx.status(202).json(new Reference(requests.submit(Verifications.REQUESTER, submission)));
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
    ctx.status(202).json(new Reference(requests.submit(caller, submission)));
  }

  private void contentRemoval(Context ctx, Principal caller) {
    if (!(caller instanceof Principal.Client client)) {
      throw new ForbiddenException("content removal is filed with a business customer's token");
    }
    ContentRemovalBody body = Json.read(ctx, ContentRemovalBody.class);
    Submission submission =
        new Submission(
            "content_removal",
            "ZZ",
            body.email(),
            null,
            body.details(),
            body.language(),
            null,
            null,
            null,
            Channel.WEB_FORM,
            null,
            true,
            client.accountId().toString());
    ctx.status(202).json(new Reference(requests.submit(caller, submission)));
  }

  private void upload(Context ctx) throws IOException {
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null) {
      throw new InvalidInputException(
          "a multipart upload needs the parts token, kind and file",
          List.of(new FieldProblem("file", "required")));
    }
    if (file.size() > Documents.MAX_BYTES) {
      throw new StewardException(
          "payload-too-large", 413, "a document may be at most " + Documents.MAX_BYTES + " bytes");
    }
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readNBytes(Documents.MAX_BYTES + 1);
    }
    requests.upload(
        ctx.pathParam("reference"),
        ctx.formParam("token"),
        ctx.formParam("kind"),
        file.contentType(),
        bytes);
    ctx.status(202);
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
