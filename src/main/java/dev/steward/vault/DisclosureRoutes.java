package dev.steward.vault;

import static dev.steward.vault.RouteInput.require;

import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.OptionalField;
import dev.steward.web.RouteRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The disclosure log over HTTP: record one for a subject, list a subject's or a recipient's, and
 * list those that went beyond what the policy declares for their recipients.
 */
public final class DisclosureRoutes {
  private final Disclosures disclosures;
  private final Clock clock;

  public DisclosureRoutes(Disclosures disclosures, Clock clock) {
    this.disclosures = disclosures;
    this.clock = clock;
  }

  /** A disclosure to a recipient of the policy; {@code disclosedAt} defaults to now. */
  public record DisclosureBody(
      String recipient,
      List<String> categories,
      @OptionalField Instant disclosedAt,
      String purpose,
      String legalBasis,
      @OptionalField String reason) {}

  public record DisclosureList(List<Disclosure> disclosures) {}

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.get("/api/v1/subjects/{id}/disclosures")
            .access(Access.requires(Permission.SUBJECT_READ))
            .tag("disclosures")
            .summary("Every disclosure of the subject's data, oldest first")
            .response(DisclosureList.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(
                        new DisclosureList(
                            disclosures.ofSubject(caller, RouteInput.id(ctx, "id"))))));
    routes.add(
        ApiRoute.post("/api/v1/subjects/{id}/disclosures")
            .access(Access.requires(Permission.SUBJECT_WRITE))
            .tag("disclosures")
            .summary("Record a disclosure of the subject's data to a recipient of the policy")
            .request(DisclosureBody.class)
            .response(Disclosures.Recorded.class)
            .status(201)
            .handle(
                (ctx, caller) -> {
                  DisclosureBody body = Json.read(ctx, DisclosureBody.class);
                  NewDisclosure disclosure =
                      new NewDisclosure(
                          RouteInput.id(ctx, "id"),
                          require(body.recipient(), "recipient"),
                          Set.copyOf(require(body.categories(), "categories")),
                          body.disclosedAt() == null ? clock.instant() : body.disclosedAt(),
                          require(body.purpose(), "purpose"),
                          require(body.legalBasis(), "legalBasis"),
                          body.reason());
                  // Recorded anyway; what went beyond the policy is listed for review at
                  // /api/v1/disclosures/outside-policy.
                  ctx.status(201).json(disclosures.recordAll(caller, List.of(disclosure)).get(0));
                }));
    routes.add(
        ApiRoute.get("/api/v1/disclosures")
            .access(Access.requires(Permission.SUBJECT_READ))
            .tag("disclosures")
            .summary("Disclosures to one recipient (?recipient=&from=&to=&limit=, at most 1000)")
            .response(DisclosureList.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(
                        new DisclosureList(
                            disclosures.toRecipient(
                                caller,
                                RouteInput.requiredQuery(ctx, "recipient"),
                                RouteInput.instant(ctx.queryParam("from"), "from", Instant.EPOCH),
                                RouteInput.instant(
                                    ctx.queryParam("to"), "to", clock.instant().plusSeconds(1)),
                                RouteInput.limit(ctx))))));
    routes.add(
        ApiRoute.get("/api/v1/disclosures/outside-policy")
            .access(Access.requires(Permission.SUBJECT_READ))
            .tag("disclosures")
            .summary(
                "Disclosures beyond what the policy declares for their recipients"
                    + " (?from=&to=&limit=, at most 1000), oldest first")
            .response(DisclosureList.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(
                        new DisclosureList(
                            disclosures.outsidePolicy(
                                caller,
                                RouteInput.instant(ctx.queryParam("from"), "from", Instant.EPOCH),
                                RouteInput.instant(
                                    ctx.queryParam("to"), "to", clock.instant().plusSeconds(1)),
                                RouteInput.limit(ctx))))));
  }
}
