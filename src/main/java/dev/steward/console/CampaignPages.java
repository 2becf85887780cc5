package dev.steward.console;

import dev.steward.campaign.ChangeCampaigns;
import dev.steward.error.ConflictException;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.RouteRegistry;
import java.util.List;

/**
 * Letters about significant policy changes: the versions that could be announced, the button that
 * starts a campaign ({@code POST /api/v1/campaigns} does the same), and each campaign's progress.
 */
public final class CampaignPages {
  private final ChangeCampaigns campaigns;

  public CampaignPages(ChangeCampaigns campaigns) {
    this.campaigns = campaigns;
  }

  public void addTo(RouteRegistry registry) {
    registry.addPage(
        PageRoute.get(
            "/console/campaigns",
            Access.requires(Permission.POLICY_READ),
            page -> show(page, null, false)));
    registry.addPage(
        PageRoute.post(
            "/console/campaigns",
            Access.requires(Permission.POLICY_PUBLISH),
            page -> {
              try {
                campaigns.start(page.caller(), page.form("version"));
                show(page, null, true);
              } catch (ConflictException e) {
                show(page, page.text().get("console.campaigns.refused"), false);
              }
            }));
  }

  private void show(PageCall page, String refused, boolean started) {
    page.render(
        "console/campaigns.jte",
        new CampaignsPage(
            ConsoleNav.of(page.caller(), "policy"),
            page.caller().has(Permission.POLICY_PUBLISH),
            campaigns.offers(),
            campaigns.list(),
            refused,
            started));
  }

  /**
   * @param canStart whether the caller may start a campaign
   * @param refused why the last start was refused, or null
   * @param started whether a campaign was just started
   */
  public record CampaignsPage(
      ConsoleNav nav,
      boolean canStart,
      List<ChangeCampaigns.Offer> offers,
      List<ChangeCampaigns.Campaign> campaigns,
      String refused,
      boolean started) {}
}
