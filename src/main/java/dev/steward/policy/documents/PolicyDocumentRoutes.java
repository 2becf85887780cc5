package dev.steward.policy.documents;

import dev.steward.error.NotFoundException;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.PublishedPolicy;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The HTTP routes of the generated documents: the public privacy notice (current and by version)
 * with its stylesheet, and the registers for staff holding {@code register:read}. Handlers only
 * pick the policy, language and format, then write what {@link PolicyDocuments} renders.
 */
public final class PolicyDocumentRoutes {
  /** The public page of the sub-processor list. */
  public static final String PUBLIC_SUB_PROCESSORS = "/registers/sub-processors";

  /** The public page of the transfers register. */
  public static final String PUBLIC_TRANSFERS = "/registers/transfers";

  private final PublishedPolicies published;
  private final PolicyDocuments documents;

  public PolicyDocumentRoutes(PublishedPolicies published, PolicyDocuments documents) {
    this.published = published;
    this.documents = documents;
  }

  public void addTo(RouteRegistry registry) {
    registry.add(
        ApiRoute.get("/privacy")
            .access(Access.open(PublicKind.NOTICE))
            .tag("privacy")
            .summary("The privacy notice in force, in the language of ?lang= or Accept-Language")
            .produces(DocumentFormat.HTML.mediaType())
            .handle(
                (ctx, caller) ->
                    notice(
                        ctx,
                        published.current(),
                        published.upcoming().map(PublishedPolicy::policy))));
    registry.add(
        ApiRoute.get("/privacy/{version}")
            .access(Access.open(PublicKind.NOTICE))
            .tag("privacy")
            .summary("The privacy notice of a published policy version")
            .produces(DocumentFormat.HTML.mediaType())
            .handle(
                (ctx, caller) -> notice(ctx, version(ctx.pathParam("version")), Optional.empty())));
    registry.add(
        ApiRoute.get(HtmlPages.STYLESHEET)
            .access(Access.open(PublicKind.NOTICE))
            .tag("privacy")
            .summary("The stylesheet of the privacy notice and the registers")
            .produces("text/css")
            .handle(
                (ctx, caller) ->
                    ctx.contentType("text/css; charset=utf-8")
                        .result(PolicyDocuments.stylesheet())));
    // The registers people may read without an account, linked from the privacy center's home:
    // who processes their data for the company, and where it goes abroad under which safeguard.
    registerPublic(
        registry,
        PUBLIC_SUB_PROCESSORS,
        DocumentKind.SUB_PROCESSORS,
        "The processors and sub-processors, as a page in the language of ?lang= or"
            + " Accept-Language");
    registerPublic(
        registry,
        PUBLIC_TRANSFERS,
        DocumentKind.TRANSFERS,
        "The register of cross-border transfers and their safeguards, as a page in the language"
            + " of ?lang= or Accept-Language");
    register(
        registry,
        "/api/v1/policy/ropa",
        DocumentKind.PROCESSING_RECORD,
        "The record of processing activities (GDPR Art. 30) as csv, json, html or pdf");
    register(
        registry,
        "/api/v1/policy/subprocessors",
        DocumentKind.SUB_PROCESSORS,
        "The processors and sub-processors as csv, json or html");
    register(
        registry,
        "/api/v1/policy/transfers",
        DocumentKind.TRANSFERS,
        "The register of cross-border transfers and their safeguards as csv, json or html");
  }

  private void registerPublic(
      RouteRegistry registry, String path, DocumentKind kind, String summary) {
    registry.add(
        ApiRoute.get(path)
            .access(Access.open(PublicKind.NOTICE))
            .tag("privacy")
            .summary(summary)
            .produces(DocumentFormat.HTML.mediaType())
            .handle(
                (ctx, caller) -> {
                  DocumentLanguage language =
                      LanguageChoice.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
                  ctx.header("Vary", "Accept-Language");
                  send(
                      ctx,
                      documents.render(
                          kind, published.current().policy(), language, DocumentFormat.HTML));
                }));
  }

  private void register(RouteRegistry registry, String path, DocumentKind kind, String summary) {
    registry.add(
        ApiRoute.get(path)
            .access(Access.requires(Permission.REGISTER_READ))
            .tag("policy")
            .summary(summary)
            .handle(
                (ctx, caller) -> {
                  String format = ctx.queryParam("format");
                  DocumentFormat chosen = kind.format(format == null ? "json" : format);
                  DocumentLanguage language =
                      LanguageChoice.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
                  send(ctx, documents.render(kind, published.current().policy(), language, chosen));
                }));
  }

  private PublishedPolicy version(String version) {
    return published
        .version(version)
        .orElseThrow(() -> new NotFoundException("no published policy version '" + version + "'"));
  }

  private void notice(Context ctx, PublishedPolicy version, Optional<Policy> coming) {
    DocumentLanguage language =
        LanguageChoice.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
    Policy policy = version.policy();
    ctx.header("Vary", "Accept-Language");
    send(ctx, documents.render(DocumentKind.NOTICE, policy, language, DocumentFormat.HTML, coming));
  }

  private static void send(Context ctx, RenderedDocument document) {
    ctx.header("Content-Language", document.language().tag());
    if (document.format().isDownload()) {
      ctx.header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"");
    }
    ctx.contentType(document.mediaType()).result(document.content());
  }
}
