package dev.steward.marketing;

import dev.steward.audit.AuditTrail;
import dev.steward.consent.Subscriptions;
import dev.steward.error.BadRequestException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The marketing routes: {@code POST /api/v1/marketing/messages} ({@code marketing:send}), the RFC
 * 8058 one-click {@code POST /unsubscribe/{token}} (public, no sign-in), the suppression list as
 * CSV ({@code suppression:export}, audited), and the open pixel and tracked links. Thin: parse,
 * call the service, render.
 */
public final class MarketingRoutes {
  /** A transparent 1x1 GIF. */
  private static final byte[] PIXEL =
      Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

  private final MarketingMail mail;
  private final Unsubscribing unsubscribing;
  private final Subscriptions subscriptions;
  private final AuditTrail audit;

  public MarketingRoutes(
      MarketingMail mail,
      Unsubscribing unsubscribing,
      Subscriptions subscriptions,
      AuditTrail audit) {
    this.mail = mail;
    this.unsubscribing = unsubscribing;
    this.subscriptions = subscriptions;
    this.audit = audit;
  }

  /** The one-click answer. */
  public record Unsubscribed(String status) {}

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.post("/api/v1/marketing/messages")
            .access(Access.requires(Permission.MARKETING_SEND))
            .tag("marketing")
            .summary(
                "Send a marketing mail to up to 1000 addresses: each is checked against the"
                    + " suppression list and the decision service (purpose, channel email, topic),"
                    + " and only the allowed ones are queued, DKIM-signed, with one-click"
                    + " unsubscribe headers (RFC 8058)")
            .request(MarketingMail.Mailing.class)
            .response(MarketingMail.Result.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(mail.send(caller, Json.read(ctx, MarketingMail.Mailing.class)))));
    routes.add(
        ApiRoute.post("/unsubscribe/{token}")
            .access(Access.open(PublicKind.INTAKE))
            .tag("marketing")
            .summary(
                "RFC 8058 one-click unsubscribe: the mail client posts"
                    + " 'List-Unsubscribe=One-Click' to the link of a marketing mail; idempotent,"
                    + " no sign-in; a forged or altered link is a 403 and changes nothing")
            .response(Unsubscribed.class)
            .handle(this::oneClick));
    routes.add(
        ApiRoute.get("/api/v1/marketing/suppression")
            .access(Access.requires(Permission.SUPPRESSION_EXPORT))
            .tag("marketing")
            .summary(
                "The suppression list as CSV (hash,algorithm,purpose,topic,since): the keyed"
                    + " hashes of addresses that left email, a purpose or a topic; audited")
            .produces("text/csv")
            .handle(this::export));
    routes.add(
        ApiRoute.get("/m/open/{token}")
            .access(Access.open(PublicKind.INTAKE))
            .tag("marketing")
            .summary("The open pixel of a tracked marketing mail")
            .produces("image/gif")
            .handle(this::open));
    routes.add(
        ApiRoute.get("/m/click/{token}")
            .access(Access.open(PublicKind.INTAKE))
            .tag("marketing")
            .summary("A tracked link of a marketing mail: records the click, then redirects")
            .status(303)
            .handle(this::click));
  }

  private void oneClick(Context ctx, Principal caller) {
    String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8).strip();
    // RFC 8058 §3.2: the POST carries exactly this key and value; anything else is not a
    // one-click request (and a link scanner's empty POST changes nothing).
    if (!body.equals("List-Unsubscribe=One-Click")) {
      throw new BadRequestException(
          "a one-click unsubscribe posts the body 'List-Unsubscribe=One-Click' (RFC 8058)");
    }
    unsubscribing.unsubscribe(caller, ctx.pathParam("token"), Subscriptions.Source.ONE_CLICK);
    ctx.json(new Unsubscribed("unsubscribed"));
  }

  private void export(Context ctx, Principal caller) {
    StringWriter out = new StringWriter();
    int rows = subscriptions.export(out);
    subscriptions.recordExport(caller, rows);
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"suppression-list.csv\"");
    ctx.result(out.toString());
  }

  private void open(Context ctx, Principal caller) {
    // A pixel always answers the image, so a mail client shows nothing broken; only a genuine
    // token is recorded.
    mail.tracking()
        .check("open", ctx.pathParam("token"))
        .ifPresent(claim -> mail.engaged(claim.ref(), claim.purpose(), "open"));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("image/gif");
    ctx.result(PIXEL);
  }

  private void click(Context ctx, Principal caller) {
    TrackingLinks.Claim claim =
        mail.tracking()
            .check("click", ctx.pathParam("token"))
            .filter(c -> c.target().isPresent())
            .orElseThrow(() -> new BadRequestException("this link is not valid"));
    mail.engaged(claim.ref(), claim.purpose(), "click");
    ctx.status(303);
    ctx.header("Location", claim.target().get());
  }
}
