package dev.steward.center;

import dev.steward.fulfilment.PackageLinks;
import dev.steward.policy.PolicyVersions;
import dev.steward.request.CenterIntake;
import dev.steward.web.Access;
import dev.steward.web.PageRoute;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;

/**
 * The public privacy center: no account, every page in each page language, every form usable
 * without JavaScript. Handlers parse the form, call the same service method as the JSON API, and
 * render; the rules live in the services.
 */
public final class CenterPages {
  static final Access PAGE = Access.open(PublicKind.PRIVACY_CENTER);
  private final PolicyVersions policies;
  private final CenterIntake intake;
  private final StatusPages status;
  private final RemovalPages removals;
  private final DownloadPages downloads;

  public CenterPages(
      PolicyVersions policies,
      CenterIntake intake,
      StatusPages status,
      RemovalPages removals,
      PackageLinks packageLinks) {
    this.policies = policies;
    this.intake = intake;
    this.status = status;
    this.removals = removals;
    this.downloads = new DownloadPages(packageLinks);
  }

  public void addTo(RouteRegistry registry) {
    registry.addPage(
        PageRoute.get(
            "/",
            PAGE,
            page ->
                page.render("center/home.jte", HomeView.of(policies.current(), policies.all()))));
    new RequestPages(intake).addTo(registry);
    status.addTo(registry);
    removals.addTo(registry);
    downloads.addTo(registry);
  }
}
