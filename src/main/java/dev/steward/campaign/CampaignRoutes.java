package dev.steward.campaign;

import dev.steward.error.InvalidInputException;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.RouteRegistry;
import java.util.List;
import java.util.UUID;

/** Notices of policy changes over HTTP: what could be announced, starting a campaign, progress. */
public final class CampaignRoutes {
  private final ChangeCampaigns campaigns;

  public CampaignRoutes(ChangeCampaigns campaigns) {
    this.campaigns = campaigns;
  }

  public record CampaignList(
      List<ChangeCampaigns.Offer> offers, List<ChangeCampaigns.Campaign> campaigns) {}

  public record StartCampaign(String version) {}

  public record ToldList(UUID subject, List<ChangeCampaigns.Told> versions) {}

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.get("/api/v1/campaigns")
            .access(Access.requires(Permission.POLICY_READ))
            .tag("policy")
            .summary(
                "Significant policy changes not yet announced, and the campaigns that announce"
                    + " them with their progress")
            .response(CampaignList.class)
            .handle(
                (ctx, caller) -> ctx.json(new CampaignList(campaigns.offers(), campaigns.list()))));
    routes.add(
        ApiRoute.post("/api/v1/campaigns")
            .access(Access.requires(Permission.POLICY_PUBLISH))
            .tag("policy")
            .summary(
                "Start telling every person with an email address and a current relationship of"
                    + " a significant change; the letters go out through the outbox")
            .request(StartCampaign.class)
            .response(ChangeCampaigns.Campaign.class)
            .status(201)
            .handle(
                (ctx, caller) -> {
                  StartCampaign body = Json.read(ctx, StartCampaign.class);
                  if (body.version() == null || body.version().isBlank()) {
                    throw new InvalidInputException("say which published version to announce");
                  }
                  ctx.status(201).json(campaigns.start(caller, body.version().strip()));
                }));
    routes.add(
        ApiRoute.get("/api/v1/campaigns/{id}")
            .access(Access.requires(Permission.POLICY_READ))
            .tag("policy")
            .summary("One campaign and how many letters are sent, skipped and still to send")
            .response(ChangeCampaigns.Campaign.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(
                        campaigns
                            .find(id(ctx.pathParam("id")))
                            .orElseThrow(
                                () ->
                                    new dev.steward.error.NotFoundException(
                                        "no campaign " + ctx.pathParam("id"))))));
    routes.add(
        ApiRoute.get("/api/v1/subjects/{id}/policy-notices")
            .access(Access.requires(Permission.SUBJECT_READ))
            .tag("subjects")
            .summary("The policy versions a person was sent a letter about, and when")
            .response(ToldList.class)
            .handle(
                (ctx, caller) -> {
                  UUID subject = id(ctx.pathParam("id"));
                  ctx.json(new ToldList(subject, campaigns.toldAbout(caller, subject)));
                }));
  }

  private static UUID id(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("'" + raw + "' is not an id");
    }
  }
}
