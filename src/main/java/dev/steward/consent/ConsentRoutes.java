package dev.steward.consent;

import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;
import java.util.UUID;

/**
 * The opt-out API (public, rate-limited as intake, no account) and the signed consent receipt of a
 * ledger event (staff). Thin: parse, call one service method, render.
 */
public final class ConsentRoutes {
  private final OptOutRequests optOuts;
  private final ConsentLedger ledger;
  private final ConsentRecording recording;

  public ConsentRoutes(OptOutRequests optOuts, ConsentLedger ledger, ConsentRecording recording) {
    this.optOuts = optOuts;
    this.ledger = ledger;
    this.recording = recording;
  }

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.post("/api/v1/opt-outs")
            .access(Access.open(PublicKind.INTAKE))
            .allowedOriginsOnly()
            .tag("consent")
            .summary(
                "Opt out of sale/sharing or of the use of sensitive data, for a device, an"
                    + " identity or both; no account, no verification. Sec-GPC: 1 is recorded as"
                    + " the source")
            .request(OptOutRequests.OptOutBody.class)
            .response(OptOutRequests.Recorded.class)
            .status(202)
            .handle(
                (ctx, caller) ->
                    ctx.status(202)
                        .json(
                            optOuts.optOut(
                                caller,
                                Json.read(ctx, OptOutRequests.OptOutBody.class),
                                Gpc.signalled(ctx.header(Gpc.HEADER))))));
    routes.add(
        ApiRoute.get("/api/v1/opt-outs/devices/{device}")
            .access(Access.open(PublicKind.INTAKE))
            .tag("consent")
            .summary("The opt-outs in force for a device (consent id), and what recorded each")
            .response(OptOutRequests.DeviceState.class)
            .handle((ctx, caller) -> ctx.json(optOuts.state(ctx.pathParam("device")))));
    routes.add(
        ApiRoute.post("/api/v1/consent-events")
            .access(Access.requires(Permission.SUBJECT_WRITE))
            .tag("consent")
            .summary(
                "Record consent given, refused, withdrawn, expired or given again outside"
                    + " Steward's forms (phone, paper, email, another system, a banner)")
            .request(ConsentRecording.EventBody.class)
            .response(ConsentRecording.Recorded.class)
            .status(201)
            .handle(
                (ctx, caller) ->
                    ctx.status(201)
                        .json(
                            recording.record(
                                caller, Json.read(ctx, ConsentRecording.EventBody.class)))));
    routes.add(
        ApiRoute.get("/api/v1/consent-events/{id}/receipt")
            .access(Access.requires(Permission.SUBJECT_READ))
            .tag("consent")
            .summary("The signed consent receipt of one ledger event (JSON, Ed25519)")
            .handle(
                (ctx, caller) ->
                    ctx.contentType("application/json")
                        .result(ledger.receipt(caller, parse(ctx.pathParam("id"))))));
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new dev.steward.error.NotFoundException("no consent event " + id);
    }
  }
}
