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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Subjects over HTTP: create, view without values, find by an identity given in the body (never in
 * the URL), and merge. Thin: each handler parses, calls one {@link Vault} method, renders.
 */
public final class SubjectRoutes {
  private final Vault vault;
  private final Clock clock;

  public SubjectRoutes(Vault vault, Clock clock) {
    this.vault = vault;
    this.clock = clock;
  }

  /** An identity as sent: type ({@code email}, {@code phone} ... or a custom type) and value. */
  public record IdentityBody(String type, String value) {
    Identity toIdentity(String field) {
      return new Identity(
          IdentityType.of(require(type, field + ".type")), require(value, field + ".value"));
    }

    @Override
    public String toString() {
      return "IdentityBody[" + type + ", value hidden]";
    }
  }

  /** Where a value came from; {@code collectedAt} defaults to now. */
  public record ProvenanceBody(
      String source,
      String system,
      List<String> purposes,
      String legalBasis,
      @OptionalField Instant collectedAt,
      @OptionalField String noticeVersion) {
    Provenance toProvenance(Instant now) {
      return new Provenance(
          require(source, "source"),
          require(system, "system"),
          Set.copyOf(require(purposes, "purposes")),
          require(legalBasis, "legalBasis"),
          collectedAt == null ? now : collectedAt,
          noticeVersion);
    }
  }

  /** A date of birth, stored encrypted under {@code category}. */
  public record DateOfBirthBody(LocalDate date, String category, ProvenanceBody provenance) {}

  /**
   * A subject to create. {@code welcomeReturning}: accept identities of an erased subject as a new
   * relationship (the person came back) instead of refusing them.
   */
  public record NewSubjectBody(
      String subjectType,
      List<IdentityBody> identities,
      @OptionalField LocalDate relationshipStart,
      @OptionalField LocalDate relationshipEnd,
      @OptionalField Boolean under13,
      @OptionalField DateOfBirthBody dateOfBirth,
      @OptionalField Boolean welcomeReturning) {}

  public record Created(UUID id) {}

  public record SearchBody(IdentityBody identity) {}

  /**
   * What a search found: {@code found} (with the subject), {@code several} (a name or an address
   * that several subjects hold, in {@code subjectIds}), {@code erased} (a returning person: the
   * former subject, when and by which request it was erased) or {@code none}.
   */
  public record SearchAnswer(
      String result,
      @OptionalField UUID subjectId,
      @OptionalField Instant erasedAt,
      @OptionalField String requestId,
      @OptionalField List<UUID> subjectIds) {}

  /** Staff's decision on a link candidate: {@code link} or {@code dismiss}. */
  public record DecisionBody(String decision) {}

  public record CandidateList(List<LinkCandidates.Candidate> candidates) {}

  /** The subject to merge into the one in the path. */
  public record LinkBody(UUID merge) {}

  public record Linked(UUID survivor, UUID merged) {}

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.post("/api/v1/subjects")
            .access(Access.requires(Permission.SUBJECT_WRITE))
            .tag("subjects")
            .summary("Create a subject with its identities, relationship dates and age facts")
            .request(NewSubjectBody.class)
            .example(
                "{\"subjectType\":\"website-visitors\",\"identities\":[{\"type\":\"email\",\"value\":\"cy@example.co.uk\"}]}")
            .response(Created.class)
            .status(201)
            .handle(
                (ctx, caller) -> {
                  NewSubjectBody body = Json.read(ctx, NewSubjectBody.class);
                  boolean welcome = Boolean.TRUE.equals(body.welcomeReturning());
                  UUID id =
                      vault.createSubject(
                          caller,
                          toSubject(body),
                          welcome ? ReturningPerson.WELCOME : ReturningPerson.REFUSE);
                  ctx.status(201).json(new Created(id));
                }));
    routes.add(
        ApiRoute.get("/api/v1/subjects/{id}")
            .access(Access.requires(Permission.SUBJECT_READ))
            .tag("subjects")
            .summary("A subject without values: type, dates, identity types and keyed hashes")
            .response(Subject.class)
            .handle((ctx, caller) -> ctx.json(vault.subject(caller, RouteInput.id(ctx, "id")))));
    routes.add(
        ApiRoute.post("/api/v1/subjects/search")
            .access(Access.requires(Permission.SUBJECT_READ))
            .tag("subjects")
            .summary("Find a subject by one identity, sent in the body")
            .request(SearchBody.class)
            .example("{\"identity\":{\"type\":\"email\",\"value\":\"cy@example.co.uk\"}}")
            .response(SearchAnswer.class)
            .handle(
                (ctx, caller) -> {
                  SearchBody body = Json.read(ctx, SearchBody.class);
                  Identity identity = require(body.identity(), "identity").toIdentity("identity");
                  ctx.json(answer(vault.findByIdentity(caller, identity)));
                }));
    routes.add(
        ApiRoute.post("/api/v1/subjects/{id}/links")
            .access(Access.requires(Permission.SUBJECT_WRITE))
            .tag("subjects")
            .summary("Merge another subject into this one: identities and records move")
            .request(LinkBody.class)
            .response(Linked.class)
            .handle(
                (ctx, caller) -> {
                  UUID survivor = RouteInput.id(ctx, "id");
                  UUID merged = require(Json.read(ctx, LinkBody.class).merge(), "merge");
                  vault.link(caller, survivor, merged);
                  ctx.json(new Linked(survivor, merged));
                }));
    routes.add(
        ApiRoute.get("/api/v1/link-candidates")
            .access(Access.requires(Permission.SUBJECT_READ))
            .tag("subjects")
            .summary(
                "Subjects made from unproven submissions that gave an identity another subject"
                    + " holds, for staff to link or dismiss (?status=open|linked|dismissed)")
            .response(CandidateList.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(
                        new CandidateList(
                            vault
                                .linkCandidates()
                                .list(caller, status(ctx.queryParam("status")), 500)))));
    routes.add(
        ApiRoute.post("/api/v1/link-candidates/{id}")
            .access(Access.requires(Permission.SUBJECT_WRITE))
            .tag("subjects")
            .summary(
                "Link a candidate (merge it into the subject that holds the identity) or dismiss it")
            .request(DecisionBody.class)
            .response(LinkCandidates.Candidate.class)
            .handle(
                (ctx, caller) -> {
                  LinkCandidates.Decision decision =
                      decision(Json.read(ctx, DecisionBody.class).decision());
                  ctx.json(
                      vault.linkCandidates().decide(caller, RouteInput.id(ctx, "id"), decision));
                }));
  }

  private NewSubject toSubject(NewSubjectBody body) {
    List<IdentityBody> identities = require(body.identities(), "identities");
    NewSubject.DateOfBirth birth = null;
    if (body.dateOfBirth() != null) {
      DateOfBirthBody dob = body.dateOfBirth();
      birth =
          new NewSubject.DateOfBirth(
              require(dob.date(), "dateOfBirth.date"),
              require(dob.category(), "dateOfBirth.category"),
              require(dob.provenance(), "dateOfBirth.provenance").toProvenance(clock.instant()));
    }
    return new NewSubject(
        require(body.subjectType(), "subjectType"),
        body.relationshipStart(),
        body.relationshipEnd(),
        body.under13(),
        birth,
        IntStream.range(0, identities.size())
            .mapToObj(
                i -> require(identities.get(i), "identities." + i).toIdentity("identities." + i))
            .toList());
  }

  private static SearchAnswer answer(IdentityMatch match) {
    if (match instanceof IdentityMatch.Found found) {
      return new SearchAnswer("found", found.subjectId(), null, null, null);
    }
    if (match instanceof IdentityMatch.Several several) {
      return new SearchAnswer("several", null, null, null, several.subjectIds());
    }
    if (match instanceof IdentityMatch.Erased erased) {
      return new SearchAnswer(
          "erased", erased.formerSubjectId(), erased.erasedAt(), erased.requestId(), null);
    }
    return new SearchAnswer("none", null, null, null, null);
  }

  private static LinkCandidates.Status status(String text) {
    if (text == null) {
      return LinkCandidates.Status.OPEN;
    }
    for (LinkCandidates.Status status : LinkCandidates.Status.values()) {
      if (status.id().equals(text)) {
        return status;
      }
    }
    throw new dev.steward.error.InvalidInputException(
        "status must be open, linked or dismissed",
        List.of(new dev.steward.error.InvalidInputException.FieldProblem("status", "unknown")));
  }

  private static LinkCandidates.Decision decision(String text) {
    if ("link".equals(text)) {
      return LinkCandidates.Decision.LINK;
    }
    if ("dismiss".equals(text)) {
      return LinkCandidates.Decision.DISMISS;
    }
    return null;
  }
}
