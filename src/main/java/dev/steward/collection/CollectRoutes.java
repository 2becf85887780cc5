package dev.steward.collection;

import dev.steward.consent.Gpc;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.PageLanguage;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;

/**
 * {@code POST /api/v1/collect/{formId}}: the public intake of the company's web forms, as JSON or
 * as a plain HTML form post. Rate-limited as intake; answers only a receipt. A browser may post
 * only from a page of the configured {@code cors-origins} (403 otherwise, nothing stored); a post
 * without {@code Origin} is a server's, such as the company's own back end, and is taken. The
 * person's language ({@code ?lang=}, else {@code Accept-Language}) chooses the language of a double
 * opt-in letter.
 */
public final class CollectRoutes {
  private final Collector collector;

  public CollectRoutes(Collector collector) {
    this.collector = collector;
  }

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.post("/api/v1/collect/{formId}")
            .access(Access.open(PublicKind.INTAKE))
            .allowedOriginsOnly()
            .tag("collection")
            .summary(
                "Submit a form declared in the policy (JSON or urlencoded; Idempotency-Key makes"
                    + " retries safe)")
            .response(Collector.Receipt.class)
            .status(201)
            .handle(
                (ctx, caller) ->
                    ctx.status(201)
                        .json(
                            collector.collect(
                                ctx.pathParam("formId"),
                                SubmissionParser.parse(ctx),
                                ctx.header("Idempotency-Key"),
                                new Collector.Signals(
                                    Gpc.signalled(ctx.header(Gpc.HEADER)),
                                    ctx.header("Steward-Consent-Id"),
                                    language(ctx))))));
  }

  /** The person's language: the form page's {@code lang}, else the browser's Accept-Language. */
  private static String language(io.javalin.http.Context ctx) {
    return PageLanguage.ofTag(ctx.queryParam("lang"))
        .or(() -> PageLanguage.ofAcceptLanguage(ctx.header("Accept-Language")))
        .orElse(PageLanguage.EN)
        .tag();
  }
}
