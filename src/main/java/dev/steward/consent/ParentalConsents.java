package dev.steward.consent;

import dev.steward.audit.AuditTrail;
import dev.steward.error.ForbiddenException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.web.OptionalField;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A parent's or guardian's consent to a child's consent, recorded by staff once the parent was
 * verified (RULES.md, "Parent of a child": verifiable parental identity). Where the child is below
 * the age of their jurisdiction (GDPR Art. 8(1): 16 or a member state's lower age; PIPL Art. 31:
 * 14), a consent allows nothing until one is on record ({@link PartyState.Consent#parental}).
 * Append-only; thread-safe.
 */
public final class ParentalConsents {
  /**
   * How the parent was verified: the methods of 16 CFR 312.5(b)(2), and a document reviewed by
   * staff (the verification level the bundled policy names {@code parental}).
   */
  public static final Set<String> VERIFICATIONS =
      Set.of(
          "document_reviewed",
          "signed_form",
          "payment_card",
          "toll_free_call",
          "video_call",
          "knowledge_questions",
          "facial_match");

  private static final Pattern EVIDENCE = Pattern.compile("[\\x21-\\x7e]{1,200}");

  private final Jdbi jdbi;
  private final AuditTrail audit;
  private final ConsentStates states;
  private final Clock clock;

  public ParentalConsents(Jdbi jdbi, AuditTrail audit, ConsentStates states, Clock clock) {
    this.jdbi = jdbi;
    this.audit = audit;
    this.states = states;
    this.clock = clock;
  }

  /** What staff send: who the parent is and how they were verified. */
  public record ParentBody(
      String relationship,
      @OptionalField String parentSubject,
      String verification,
      String evidence) {}

  /** The record written. */
  public record Recorded(UUID id, UUID consentId, UUID subject) {}

  /** A parental consent on record, as the console lists it. */
  public record Parental(
      UUID id,
      UUID consentId,
      String relationship,
      String verification,
      String verifiedBy,
      Instant recordedAt) {}

  /** Records a parent's consent to {@code consentId}, a consent of a subject; audited. */
  public Recorded record(Principal actor, UUID consentId, ParentBody body) {
    if (!actor.has(Permission.SUBJECT_WRITE)) {
      audit.record(actor, "consent.parental", "consent", consentId.toString(), "denied", null);
      throw new ForbiddenException("this needs the subject:write permission");
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (body.relationship() == null
        || !Set.of("parent", "guardian").contains(body.relationship())) {
      problems.add(new FieldProblem("relationship", "one of parent, guardian"));
    }
    UUID parent = null;
    if (body.parentSubject() != null) {
      try {
        parent = UUID.fromString(body.parentSubject());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("parentSubject", "not a subject id"));
      }
    }
    if (body.verification() == null || !VERIFICATIONS.contains(body.verification())) {
      problems.add(
          new FieldProblem(
              "verification",
              "one of " + String.join(", ", new java.util.TreeSet<>(VERIFICATIONS))));
    }
    if (body.evidence() == null || !EVIDENCE.matcher(body.evidence()).matches()) {
      problems.add(
          new FieldProblem("evidence", "an id or reference of 1 to 200 visible ASCII characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems.get(0).message(), problems);
    }
    UUID parentSubject = parent;
    Instant now = clock.instant();
    return jdbi.inTransaction(
        handle -> {
          Optional<UUID> subject =
              handle
                  .createQuery(
                      "select subject_id from consent_event where consent_id = :id"
                          + " and subject_id is not null")
                  .bind("id", consentId)
                  .mapTo(UUID.class)
                  .findFirst();
          if (subject.isEmpty()) {
            throw new NotFoundException("no consent " + consentId + " of a subject");
          }
          UUID id = UUID.randomUUID();
          handle
              .createUpdate(
                  "insert into consent_parental (id, consent_id, subject_id, relationship,"
                      + " parent_subject, verification, verified_by, evidence, recorded_at)"
                      + " values (:id, :consent, :subject, :relationship, :parent, :verification,"
                      + " :by, :evidence, :at)")
              .bind("id", id)
              .bind("consent", consentId)
              .bind("subject", subject.get())
              .bind("relationship", body.relationship())
              .bindByType("parent", parentSubject, UUID.class)
              .bind("verification", body.verification())
              .bind("by", actor.actorType() + ":" + actor.actorId())
              .bind("evidence", body.evidence())
              .bind("at", now)
              .execute();
          audit.record(
              handle,
              actor,
              "consent.parental",
              "consent",
              consentId.toString(),
              "ok",
              "record="
                  + id
                  + " subject="
                  + subject.get()
                  + " relationship="
                  + body.relationship()
                  + " verification="
                  + body.verification());
          states.changed(handle, List.of(Party.subject(subject.get())));
          return new Recorded(id, consentId, subject.get());
        });
  }

  /** The parental consents on record for a subject's consents, oldest first. */
  public static List<Parental> of(Handle handle, UUID subjectId) {
    return handle
        .createQuery(
            "select id, consent_id, relationship, verification, verified_by, recorded_at"
                + " from consent_parental where subject_id = :id order by recorded_at, id")
        .bind("id", subjectId)
        .map(
            (rs, ctx) ->
                new Parental(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, java.time.OffsetDateTime.class).toInstant()))
        .list();
  }

  /** The consent ids of a subject that a parent's consent covers. */
  static Set<UUID> approved(Handle handle, UUID subjectId) {
    return new HashSet<>(
        handle
            .createQuery("select consent_id from consent_parental where subject_id = :id")
            .bind("id", subjectId)
            .mapTo(UUID.class)
            .list());
  }
}
