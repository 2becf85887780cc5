package dev.steward.consent;

import dev.steward.error.InvalidInputException;
import dev.steward.principal.Principal;
import dev.steward.web.Access;
import dev.steward.web.FormErrors;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * "Do Not Sell or Share My Personal Information" and "Limit the Use of My Sensitive Personal
 * Information" as a page: no account, no verification (11 CCR 7026(d), 7027). The browser is the
 * device its first-party consent-id cookie names; the page creates that cookie when absent. A
 * {@code Sec-GPC: 1} header on the visit is honoured with no click (11 CCR 7025). Thin: each
 * handler calls the same {@link OptOutRequests} method as {@code /api/v1/opt-outs}.
 */
public final class ConsentPages {
  /** The first-party cookie holding this browser's consent id (a device id, never personal). */
  public static final String CONSENT_COOKIE = "steward-consent-id";

  static final String PATH = "/do-not-sell";
  private static final Access PAGE = Access.open(PublicKind.PRIVACY_CENTER);
  private static final Access FORM = Access.open(PublicKind.INTAKE);
  private static final int COOKIE_SECONDS = (int) Duration.ofDays(395).toSeconds();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private final OptOutRequests optOuts;

  public ConsentPages(OptOutRequests optOuts) {
    this.optOuts = optOuts;
  }

  public void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get(PATH, PAGE, this::show));
    registry.addPage(PageRoute.post(PATH, FORM, this::submit));
  }

  private void show(PageCall page) {
    String device = device(page);
    if (Gpc.signalled(page.ctx().header(Gpc.HEADER))) {
      optOuts.optOut(
          new Principal.Anonymous(),
          new OptOutRequests.OptOutBody(device, null, List.of(OptOutKind.SALE_SHARING.code())),
          true);
    }
    page.render(
        "consent/do-not-sell.jte",
        view(device, "", page.query("done").equals("1"), FormErrors.none()));
  }

  private void submit(PageCall page) {
    String device = device(page);
    String email = page.form("identity.value");
    String kind = page.form("kind");
    try {
      optOuts.optOut(
          new Principal.Anonymous(),
          new OptOutRequests.OptOutBody(
              device,
              email.isEmpty() ? null : new OptOutRequests.IdentityBody("email", email),
              List.of(kind)),
          Gpc.signalled(page.ctx().header(Gpc.HEADER)));
      page.redirect(PATH + "?done=1");
    } catch (InvalidInputException e) {
      page.render(
          400,
          "consent/do-not-sell.jte",
          view(device, email, false, FormErrors.from(e, page.text(), "consent.dns")));
    }
  }

  private DoNotSellView view(String device, String email, boolean done, FormErrors errors) {
    Map<String, String> optedOut = optOuts.state(device).optedOut();
    return new DoNotSellView(
        optedOut.containsKey(OptOutKind.SALE_SHARING.code()),
        optedOut.containsKey(OptOutKind.SENSITIVE_USE.code()),
        optOuts.gpcHonoured(device).map(DAY::format).orElse(null),
        email,
        done,
        errors);
  }

  /** This browser's consent id from its cookie; a new one, set as the cookie, when absent. */
  private static String device(PageCall page) {
    String id = page.ctx().cookie(CONSENT_COOKIE);
    if (Party.isDeviceId(id)) {
      return id;
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    page.ctx()
        .cookie(
            new Cookie(
                CONSENT_COOKIE,
                fresh,
                "/",
                COOKIE_SECONDS,
                page.link("/").startsWith("https:"),
                true,
                null,
                SameSite.LAX));
    return fresh;
  }

  /**
   * What the page shows.
   *
   * @param gpcHonoured the day (UTC) a GPC signal was first honoured for this browser, or null
   */
  public record DoNotSellView(
      boolean saleOptedOut,
      boolean sensitiveLimited,
      String gpcHonoured,
      String email,
      boolean done,
      FormErrors errors) {}
}
