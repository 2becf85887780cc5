package dev.steward.breach;

import dev.steward.error.BadRequestException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.documents.PdfFont;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.OptionalField;
import dev.steward.web.RouteRegistry;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** The breach register over HTTP: {@code breach:read} reads, {@code breach:manage} changes. */
public final class BreachRoutes {
  private static final Access READ = Access.requires(Permission.BREACH_READ);
  private static final Access MANAGE = Access.requires(Permission.BREACH_MANAGE);
  private static final String BASE = "/api/v1/breaches";

  private final Incidents incidents;
  private final Supplier<PdfFont> font;

  public BreachRoutes(Incidents incidents, Supplier<PdfFont> font) {
    this.incidents = incidents;
    this.font = font;
  }

  public record BreachList(List<BreachSummary> incidents) {}

  public record BreachStatus(String status, String reason) {}

  public record BreachAffected(Integer count, String reason) {}

  public record BreachDecision(
      Boolean notifyRegulator, Boolean notifyIndividuals, String reasoning) {}

  public record BreachNotified(
      String jurisdiction,
      String audience,
      @OptionalField Instant notifiedAt,
      @OptionalField String lateReason,
      @OptionalField String note) {}

  public record BreachLetters(String language, @OptionalField String lateReason) {}

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.get(BASE)
            .access(READ)
            .tag("breaches")
            .summary("The breach register, newest first, each incident with its clocks")
            .response(BreachList.class)
            .handle((ctx, caller) -> ctx.json(new BreachList(incidents.list(caller)))));
    routes.add(
        ApiRoute.post(BASE)
            .access(MANAGE)
            .tag("breaches")
            .summary("Record a suspected incident")
            .request(NewBreach.class)
            .response(BreachDetail.class)
            .status(201)
            .handle(
                (ctx, caller) ->
                    ctx.status(201)
                        .json(incidents.record(caller, Json.read(ctx, NewBreach.class)))));
    routes.add(
        ApiRoute.get(BASE + "/{id}")
            .access(READ)
            .tag("breaches")
            .summary("One incident with its clocks, timeline and letters")
            .response(BreachDetail.class)
            .handle((ctx, caller) -> ctx.json(incidents.detail(caller, id(ctx)))));
    routes.add(
        ApiRoute.patch(BASE + "/{id}")
            .access(MANAGE)
            .tag("breaches")
            .summary("Change an incident's facts, with the reason")
            .request(BreachChange.class)
            .response(BreachDetail.class)
            .handle(
                (ctx, caller) -> {
                  UUID id = id(ctx);
                  ctx.json(incidents.change(caller, id, Json.read(ctx, BreachChange.class)));
                }));
    routes.add(
        ApiRoute.post(BASE + "/{id}/status")
            .access(MANAGE)
            .tag("breaches")
            .summary("Confirm or dismiss a suspected incident")
            .request(BreachStatus.class)
            .response(BreachDetail.class)
            .handle(
                (ctx, caller) -> {
                  UUID id = id(ctx);
                  BreachStatus body = Json.read(ctx, BreachStatus.class);
                  ctx.json(incidents.setStatus(caller, id, body.status(), body.reason()));
                }));
    routes.add(
        ApiRoute.post(BASE + "/{id}/affected/count")
            .access(MANAGE)
            .tag("breaches")
            .summary(
                "Count the people the vault holds in the incident's systems, categories and"
                    + " window")
            .response(BreachDetail.class)
            .handle((ctx, caller) -> ctx.json(incidents.countAffected(caller, id(ctx)))));
    routes.add(
        ApiRoute.post(BASE + "/{id}/affected")
            .access(MANAGE)
            .tag("breaches")
            .summary("Set the number of people affected by hand, with the reason")
            .request(BreachAffected.class)
            .response(BreachDetail.class)
            .handle(
                (ctx, caller) -> {
                  UUID id = id(ctx);
                  BreachAffected body = Json.read(ctx, BreachAffected.class);
                  ctx.json(incidents.setAffected(caller, id, body.count(), body.reason()));
                }));
    routes.add(
        ApiRoute.post(BASE + "/{id}/decision")
            .access(MANAGE)
            .tag("breaches")
            .summary("Decide whether to notify the regulator and the people, with the reasoning")
            .request(BreachDecision.class)
            .response(BreachDetail.class)
            .handle(
                (ctx, caller) -> {
                  UUID id = id(ctx);
                  BreachDecision body = Json.read(ctx, BreachDecision.class);
                  ctx.json(
                      incidents.decide(
                          caller,
                          id,
                          body.notifyRegulator(),
                          body.notifyIndividuals(),
                          body.reasoning()));
                }));
    routes.add(
        ApiRoute.post(BASE + "/{id}/notifications")
            .access(MANAGE)
            .tag("breaches")
            .summary(
                "Record that a jurisdiction's regulator or people were told; late needs a reason")
            .request(BreachNotified.class)
            .response(BreachDetail.class)
            .handle(
                (ctx, caller) -> {
                  UUID id = id(ctx);
                  BreachNotified body = Json.read(ctx, BreachNotified.class);
                  ctx.json(
                      incidents.notified(
                          caller,
                          id,
                          body.jurisdiction(),
                          body.audience(),
                          body.notifiedAt(),
                          body.lateReason(),
                          body.note()));
                }));
    routes.add(
        ApiRoute.post(BASE + "/{id}/letters")
            .access(MANAGE)
            .tag("breaches")
            .summary("Write to every person affected through the outbox, once each")
            .request(BreachLetters.class)
            .response(Incidents.LetterRun.class)
            .handle(
                (ctx, caller) -> {
                  UUID id = id(ctx);
                  BreachLetters body = Json.read(ctx, BreachLetters.class);
                  ctx.json(incidents.sendLetters(caller, id, body.language(), body.lateReason()));
                }));
    routes.add(
        ApiRoute.get(BASE + "/{id}/drafts/{kind}")
            .access(READ)
            .tag("breaches")
            .summary(
                "The regulator's notification (GDPR Art. 33(3)) or the people's letter (Art."
                    + " 34(2)), ?lang=en or zh-CN")
            .response(BreachDraft.class)
            .handle(
                (ctx, caller) -> {
                  UUID id = id(ctx);
                  String lang = ctx.queryParam("lang");
                  ctx.json(
                      incidents.draft(
                          caller, id, ctx.pathParam("kind"), lang == null ? "en" : lang));
                }));
    routes.add(
        ApiRoute.get(BASE + "/{id}/export")
            .access(READ)
            .tag("breaches")
            .summary("The incident's whole record for a regulator, ?format=json or pdf, ?lang=")
            .handle(
                (ctx, caller) -> {
                  UUID id = id(ctx);
                  String format =
                      ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
                  String lang = ctx.queryParam("lang") == null ? "en" : ctx.queryParam("lang");
                  switch (format) {
                    case "json" -> {
                      byte[] json = incidents.exportJson(caller, id);
                      ctx.header(
                          "Content-Disposition", "attachment; filename=\"breach-" + id + ".json\"");
                      ctx.contentType("application/json").result(json);
                    }
                    case "pdf" -> {
                      byte[] pdf = incidents.exportPdf(caller, id, lang, font.get());
                      ctx.header(
                          "Content-Disposition", "attachment; filename=\"breach-" + id + ".pdf\"");
                      ctx.contentType("application/pdf").result(pdf);
                    }
                    default ->
                        throw new InvalidInputException(
                            "unknown format",
                            List.of(new FieldProblem("format", "must be json or pdf")));
                  }
                }));
  }

  static UUID id(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("the id in the path is not a valid id");
    }
  }
}
