package dev.steward.banner;

import dev.steward.consent.ConsentPages;
import dev.steward.consent.Gpc;
import dev.steward.consent.OptOutKind;
import dev.steward.consent.OptOutRequests;
import dev.steward.consent.OptOuts;
import dev.steward.consent.Party;
import dev.steward.console.ConsoleNav;
import dev.steward.error.ConflictException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.web.Access;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The privacy center's cookie settings page ({@code /cookies}): the browser's current banner
 * choice, when a Global Privacy Control signal was honoured, and the choice to change, as a form
 * that works without JavaScript; the banner script on the page reopens the same choices as a
 * dialog. The browser is the device its {@code steward-consent-id} cookie names, as on the Do Not
 * Sell page. And the console's page of banner choices per category ({@code /console/cookies}).
 * Thin: each handler calls {@link BannerChoices}, as the API does.
 */
public final class BannerPages {
  static final String PATH = "/cookies";
  static final String CONSOLE_PATH = "/console/cookies";
  private static final int COOKIE_SECONDS = (int) Duration.ofDays(395).toSeconds();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private final BannerChoices choices;
  private final OptOutRequests optOutRequests;
  private final OptOuts optOuts;

  public BannerPages(BannerChoices choices, OptOutRequests optOutRequests, OptOuts optOuts) {
    this.choices = choices;
    this.optOutRequests = optOutRequests;
    this.optOuts = optOuts;
  }

  public void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get(PATH, Access.open(PublicKind.PRIVACY_CENTER), this::show));
    registry.addPage(PageRoute.post(PATH, Access.open(PublicKind.INTAKE), this::submit));
    registry.addPage(
        PageRoute.get(CONSOLE_PATH, Access.requires(Permission.SUBJECT_READ), this::console));
  }

  /** One category on the settings page. */
  public record Row(
      String id, String name, String hint, boolean locked, boolean sale, boolean on, boolean gpc) {}

  /**
   * What the settings page shows.
   *
   * @param chosenAt when the current choice was recorded, or null when none under this revision
   * @param gpcHonoured the day (UTC) GPC was first honoured for this browser, or null
   * @param gpcNow this visit carries {@code Sec-GPC: 1}
   */
  public record SettingsView(
      String device,
      String revision,
      List<Row> rows,
      String chosenAt,
      String gpcHonoured,
      boolean gpcNow,
      boolean done,
      boolean stale) {}

  /** The console's counts. */
  public record ConsoleView(ConsoleNav nav, String revision, List<CountRow> counts) {}

  public record CountRow(String name, long on, long off, long offByGpc) {}

  private void show(PageCall page) {
    String device = device(page);
    boolean gpc = Gpc.signalled(page.ctx().header(Gpc.HEADER));
    if (gpc) {
      // The visit's GPC signal is this browser's opt-out of sale/sharing (11 CCR 7025(c)(1)).
      optOuts.optOut(
          new Principal.Anonymous(),
          Set.of(Party.device(device, "device")),
          Set.of(OptOutKind.SALE_SHARING),
          OptOuts.Source.GPC,
          null);
    }
    page.render(
        "banner/cookies.jte",
        view(page, device, gpc, page.query("done").equals("1"), page.query("stale").equals("1")));
  }

  private void submit(PageCall page) {
    String device = device(page);
    BannerNotice notice = choices.notice(page.language().tag());
    Map<String, Boolean> chosen = new LinkedHashMap<>();
    for (BannerNotice.Category category : notice.choices()) {
      chosen.put(category.id(), page.form("choice." + category.id()).equals("on"));
    }
    try {
      choices.record(
          new Principal.Anonymous(),
          new BannerChoices.ChoiceBody(device, page.form("revision"), chosen, null),
          Gpc.signalled(page.ctx().header(Gpc.HEADER)),
          null);
      page.redirect(PATH + "?done=1");
    } catch (ConflictException e) {
      // The notice changed while the page was open: show the new one and ask again.
      page.redirect(PATH + "?stale=1");
    }
  }

  private SettingsView view(
      PageCall page, String device, boolean gpcNow, boolean done, boolean stale) {
    BannerNotice notice = choices.notice(page.language().tag());
    var current = choices.current(device).orElse(null);
    List<Row> rows = new ArrayList<>();
    for (BannerNotice.Category category : notice.categories()) {
      boolean on =
          category.locked()
              || (current != null && Boolean.TRUE.equals(current.choices().get(category.id())));
      rows.add(
          new Row(
              category.id(),
              page.text().get("banner.category." + category.id()),
              page.text().get("banner.category." + category.id() + ".hint"),
              category.locked(),
              category.saleOrSharing(),
              on && !(gpcNow && category.saleOrSharing()),
              current != null && current.gpc().contains(category.id())));
    }
    return new SettingsView(
        device,
        notice.revision(),
        rows,
        current == null ? null : MINUTE.format(current.at()),
        optOutRequests.gpcHonoured(device).map(DAY::format).orElse(null),
        gpcNow,
        done,
        stale);
  }

  private void console(PageCall page) {
    Principal caller = page.caller();
    // No section of the navigation is marked current.
    ConsoleNav nav = ConsoleNav.of(caller, "cookies");
    List<CountRow> rows =
        choices.counts().stream()
            .map(
                c ->
                    new CountRow(
                        page.text().has("banner.category." + c.category())
                            ? page.text().get("banner.category." + c.category())
                            : c.category(),
                        c.on(),
                        c.off(),
                        c.offByGpc()))
            .toList();
    page.render(
        "banner/console.jte",
        new ConsoleView(nav, choices.notice(page.language().tag()).revision(), rows));
  }

  /** This browser's consent id from its cookie; a new one, set as the cookie, when absent. */
  private static String device(PageCall page) {
    String id = page.ctx().cookie(ConsentPages.CONSENT_COOKIE);
    if (Party.isDeviceId(id)) {
      return id;
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    page.ctx()
        .cookie(
            new Cookie(
                ConsentPages.CONSENT_COOKIE,
                fresh,
                "/",
                COOKIE_SECONDS,
                page.link("/").startsWith("https:"),
                true,
                null,
                SameSite.LAX));
    return fresh;
  }
}
