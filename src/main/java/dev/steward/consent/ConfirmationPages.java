package dev.steward.consent;

import dev.steward.web.Access;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;

/**
 * The privacy-center page a double opt-in letter links to. Opening the link only shows a button:
 * mail scanners fetch links, and a fetch must not confirm for the person. Pressing it confirms
 * (POST, CSRF-checked like every page form). No account; the signed token is the proof of the
 * address. Thin: each handler calls one {@link DoubleOptIn} method.
 */
public final class ConfirmationPages {
  private static final Access PAGE = Access.open(PublicKind.PRIVACY_CENTER);
  private static final Access FORM = Access.open(PublicKind.INTAKE);

  private final DoubleOptIn confirmations;

  public ConfirmationPages(DoubleOptIn confirmations) {
    this.confirmations = confirmations;
  }

  public void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get(DoubleOptIn.PATH, PAGE, this::show));
    registry.addPage(PageRoute.post(DoubleOptIn.PATH, FORM, this::submit));
  }

  private void show(PageCall page) {
    String token = page.query("token");
    DoubleOptIn.Status status = confirmations.status(token);
    page.render(
        status == DoubleOptIn.Status.INVALID ? 404 : 200,
        "consent/confirm.jte",
        new ConfirmView(status.name().toLowerCase(java.util.Locale.ROOT), token, false));
  }

  private void submit(PageCall page) {
    String token = page.form("token");
    DoubleOptIn.Status status = confirmations.confirm(token);
    page.render(
        status == DoubleOptIn.Status.INVALID ? 404 : 200,
        "consent/confirm.jte",
        new ConfirmView(
            status == DoubleOptIn.Status.DONE
                ? "confirmed"
                : status.name().toLowerCase(java.util.Locale.ROOT),
            token,
            status == DoubleOptIn.Status.DONE));
  }

  /**
   * What the page shows.
   *
   * @param status open, confirmed, expired or invalid
   * @param justConfirmed this visit confirmed it
   */
  public record ConfirmView(String status, String token, boolean justConfirmed) {}
}
