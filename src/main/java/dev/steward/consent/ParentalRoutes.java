package dev.steward.consent;

import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.RouteRegistry;
import java.util.UUID;

/** {@code POST /api/v1/consents/{consentId}/parental-consent}: staff record a parent's. */
public final class ParentalRoutes {
  private final ParentalConsents parents;

  public ParentalRoutes(ParentalConsents parents) {
    this.parents = parents;
  }

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.post("/api/v1/consents/{consentId}/parental-consent")
            .access(Access.requires(Permission.SUBJECT_WRITE))
            .tag("consent")
            .summary(
                "Record that a verified parent or guardian gave or authorised a child's consent"
                    + " (GDPR Art. 8(1), 16 CFR 312.5, PIPL Art. 31)")
            .request(ParentalConsents.ParentBody.class)
            .response(ParentalConsents.Recorded.class)
            .status(201)
            .handle(
                (ctx, caller) ->
                    ctx.status(201)
                        .json(
                            parents.record(
                                caller,
                                consentId(ctx.pathParam("consentId")),
                                Json.read(ctx, ParentalConsents.ParentBody.class)))));
  }

  private static UUID consentId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new dev.steward.error.NotFoundException("no consent " + id);
    }
  }
}
