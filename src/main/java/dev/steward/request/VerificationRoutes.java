package dev.steward.request;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.StewardException;
import dev.steward.request.RequestApi.CodeBody;
import dev.steward.request.RequestApi.DataPointsBody;
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

/**
 * The requester's own steps of verification, through the privacy center: a code, the CCPA data
 * points, uploaded proof. Public and rate-limited; each names the request by its reference and
 * proves possession with the code or the access key from the letter.
 */
final class VerificationRoutes {
  private final Requests requests;

  VerificationRoutes(Requests requests) {
    this.requests = requests;
  }

  void addTo(RouteRegistry routes) {
    Access intake = Access.open(PublicKind.INTAKE);
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
}
