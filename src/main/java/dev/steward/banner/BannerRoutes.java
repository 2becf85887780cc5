package dev.steward.banner;

import dev.steward.consent.ConsentStates;
import dev.steward.consent.Gpc;
import dev.steward.consent.OptOutKind;
import dev.steward.consent.OptOutRequests;
import dev.steward.consent.OptOuts;
import dev.steward.consent.Party;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.Messages;
import dev.steward.web.PageLanguage;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The cookie banner's routes: the script itself ({@code /consent.js}), the banner's words,
 * categories and the device's current choice ({@code GET /api/v1/banner}), recording a choice
 * ({@code POST /api/v1/banner/choices}), and GPP strings ({@code /api/v1/gpp}). The banner's routes
 * answer browsers only from the configured {@code cors-origins}. Thin: parse, call one service
 * method, render.
 */
public final class BannerRoutes {
  static final String SCRIPT_PATH = "/consent.js";
  private static final String SCRIPT_RESOURCE = "banner/consent.js";
  private static final String WORDS = "banner.script.";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private final BannerChoices choices;
  private final OptOutRequests optOutRequests;
  private final OptOuts optOuts;
  private final ConsentStates states;
  private final Messages messages;
  private final byte[] script;

  public BannerRoutes(
      BannerChoices choices,
      OptOutRequests optOutRequests,
      OptOuts optOuts,
      ConsentStates states,
      Messages messages) {
    this.choices = choices;
    this.optOutRequests = optOutRequests;
    this.optOuts = optOuts;
    this.states = states;
    this.messages = messages;
    this.script = script();
  }

  /** The script as served. */
  public static byte[] script() {
    try (InputStream in =
        BannerRoutes.class.getClassLoader().getResourceAsStream(SCRIPT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT_RESOURCE + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One cookie category as the banner shows it. */
  public record CategoryView(
      String id,
      String name,
      String description,
      boolean locked,
      boolean saleOrSharing,
      List<String> trackers) {}

  /**
   * What the banner needs to show itself.
   *
   * @param choice the device's choice under this revision; null: ask
   * @param gpc the call carried {@code Sec-GPC: 1}
   * @param gpcHonoured the day (UTC) GPC was first honoured for the device, or null
   */
  public record BannerConfig(
      String revision,
      String lang,
      Map<String, String> texts,
      List<CategoryView> categories,
      BannerChoices.Choice choice,
      boolean gpc,
      String gpcHonoured,
      String settings) {}

  /** A GPP string and the sections it carries. */
  public record GppAnswer(String gppString, List<Integer> applicableSections, boolean gpc) {}

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.get(SCRIPT_PATH)
            .access(Access.open(PublicKind.BANNER_SCRIPT))
            .tag("banner")
            .summary(
                "The cookie banner script for the company's pages: no dependency, loads nothing"
                    + " from elsewhere")
            .produces("text/javascript")
            .handle(
                (ctx, caller) ->
                    ctx.contentType("text/javascript; charset=utf-8")
                        // Pages of other origins include it, so it may be kept a few minutes.
                        .header("Cache-Control", "public, max-age=300")
                        .header("Cross-Origin-Resource-Policy", "cross-origin")
                        .result(script)));
    routes.add(
        ApiRoute.get("/api/v1/banner")
            .access(Access.open(PublicKind.BANNER_SCRIPT))
            .allowedOriginsOnly()
            .tag("banner")
            .summary(
                "The banner's words (lang=en|zh-CN), cookie categories, notice revision and the"
                    + " device's current choice; Sec-GPC: 1 is recorded as the device's opt-out")
            .response(BannerConfig.class)
            .handle((ctx, caller) -> ctx.json(config(ctx, caller))));
    routes.add(
        ApiRoute.post("/api/v1/banner/choices")
            .access(Access.open(PublicKind.INTAKE))
            .allowedOriginsOnly()
            .tag("banner")
            .summary(
                "Record a cookie banner choice for a device under the notice revision shown;"
                    + " GPC turns sale and sharing categories off")
            .request(BannerChoices.ChoiceBody.class)
            .response(BannerChoices.Choice.class)
            .status(201)
            .handle(
                (ctx, caller) ->
                    ctx.status(201)
                        .json(
                            choices.record(
                                caller,
                                Json.read(ctx, BannerChoices.ChoiceBody.class),
                                Gpc.signalled(ctx.header(Gpc.HEADER)),
                                ctx.header("Origin")))));
    routes.add(
        ApiRoute.get("/api/v1/gpp")
            .access(Access.open(PublicKind.INTAKE))
            .allowedOriginsOnly()
            .tag("banner")
            .summary(
                "The IAB GPP string (usnat with its GPC subsection) of a device (?device=), for"
                    + " the company's pages and tags; the device id is the browser's own secret")
            .response(GppAnswer.class)
            .handle(
                (ctx, caller) -> {
                  Party device = Party.device(ctx.queryParam("device"), "device");
                  boolean gpc = Gpc.signalled(ctx.header(Gpc.HEADER));
                  honourGpc(caller, device, gpc);
                  ctx.json(gpp(device, gpc));
                }));
    routes.add(
        ApiRoute.get("/api/v1/gpp/subjects/{subject}")
            .access(Access.requires(Permission.DECISION_READ))
            .tag("banner")
            .summary("The IAB GPP string (usnat with its GPC subsection) of a vault subject")
            .response(GppAnswer.class)
            .handle(
                (ctx, caller) -> {
                  Party subject = subject(ctx.pathParam("subject"));
                  if (!states.state(subject).known()) {
                    throw new NotFoundException("no subject " + subject.id());
                  }
                  ctx.json(gpp(subject, false));
                }));
  }

  private BannerConfig config(Context ctx, Principal caller) {
    PageLanguage language =
        PageLanguage.ofTag(ctx.queryParam("lang"))
            .or(() -> PageLanguage.ofAcceptLanguage(ctx.header("Accept-Language")))
            .orElse(PageLanguage.EN);
    String deviceId = ctx.queryParam("device");
    Party device = deviceId == null ? null : Party.device(deviceId, "device");
    boolean gpc = Gpc.signalled(ctx.header(Gpc.HEADER));
    if (device != null) {
      honourGpc(caller, device, gpc);
    }
    BannerNotice notice = choices.notice(language.tag());
    Map<String, String> words = new LinkedHashMap<>();
    messages
        .of(language)
        .forEach(
            (key, value) -> {
              if (key.startsWith(WORDS)) {
                words.put(key.substring(WORDS.length()), value);
              }
            });
    var text = messages.text(language);
    List<CategoryView> categories =
        notice.categories().stream()
            .map(
                c ->
                    new CategoryView(
                        c.id(),
                        text.get("banner.category." + c.id()),
                        text.get("banner.category." + c.id() + ".hint"),
                        c.locked(),
                        c.saleOrSharing(),
                        c.trackers()))
            .toList();
    return new BannerConfig(
        notice.revision(),
        language.tag(),
        words,
        categories,
        device == null ? null : choices.current(device.id()).orElse(null),
        gpc,
        device == null
            ? null
            : optOutRequests.gpcHonoured(device.id()).map(DAY::format).orElse(null),
        BannerPages.PATH);
  }

  /** GPC on a public route is the device's opt-out of sale/sharing (11 CCR 7025(c)(1)). */
  private void honourGpc(Principal caller, Party device, boolean gpc) {
    if (gpc) {
      optOuts.optOut(
          caller, Set.of(device), Set.of(OptOutKind.SALE_SHARING), OptOuts.Source.GPC, null);
    }
  }

  private GppAnswer gpp(Party party, boolean gpc) {
    return new GppAnswer(GppStrings.usNat(states.state(party), gpc), GppStrings.sections(), gpc);
  }

  private static Party subject(String id) {
    try {
      return Party.subject(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no subject " + id);
    }
  }
}
