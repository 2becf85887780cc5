package dev.steward.request;

import dev.steward.error.ConflictException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.NotFoundException;
import dev.steward.error.StewardException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.request.Challenges.Kind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Proof uploaded through the privacy center (never by email), sealed under the request's key and
 * reviewed by staff. A step that takes documents is done when every kind it needs is approved; the
 * latest upload among them is when the identity evidence arrived.
 */
final class Documents {
  /** Larger uploads are refused with 413 before anything is stored. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private static final Pattern CONTENT_TYPE =
      Pattern.compile("(application/pdf|image/(png|jpeg|heic|webp))");

  private final RequestContext context;
  private final Workflow workflow;
  private final Verifications verifications;

  Documents(RequestContext context, Workflow workflow, Verifications verifications) {
    this.context = context;
    this.workflow = workflow;
    this.verifications = verifications;
  }

  /** Stores an upload for a request waiting on documents of that kind; returns its id. */
  UUID upload(String reference, String token, String kindText, String contentType, byte[] bytes) {
    DocumentKind kind = DocumentKind.parse(kindText);
    if (bytes.length > MAX_BYTES) {
      throw new StewardException(
          "payload-too-large", 413, "a document may be at most " + MAX_BYTES + " bytes");
    }
    if (bytes.length == 0 || contentType == null || !CONTENT_TYPE.matcher(contentType).matches()) {
      throw new InvalidInputException(
          "a document is a PDF, PNG, JPEG, HEIC or WebP file",
          List.of(new FieldProblem("file", "empty, or not an accepted type")));
    }
    Set<VerificationStep> steps = EnumSet.noneOf(VerificationStep.class);
    for (VerificationStep step : VerificationStep.values()) {
      if (step.documents().contains(kind)) {
        steps.add(step);
      }
    }
    return verifications.checked(
        reference,
        steps,
        Kind.TOKEN,
        token,
        (handle, row) -> {
          UUID id = UUID.randomUUID();
          handle
              .createUpdate(
                  "insert into request_document (id, request_id, kind, content_type, size_bytes,"
                      + " sealed, uploaded_at, status) values (:id, :request, :kind, :type,"
                      + " :size, :sealed, :at, 'pending')")
              .bind("id", id)
              .bind("request", row.id())
              .bind("kind", kind.id())
              .bind("type", contentType)
              .bind("size", bytes.length)
              .bind("sealed", Sealed.seal(workflow.key(row), row.id(), "document:" + id, bytes))
              .bind("at", workflow.now())
              .execute();
          workflow.note(handle, row, Verifications.REQUESTER, "document_uploaded", kind.id(), null);
          return id;
        });
  }

  /**
   * One document of a request, opened for a caller who may review it: the permission to work
   * requests and the request in their caseload (an agent only the requests assigned to them).
   * Anyone else is told there is no such document. Audited (who, which document of which request)
   * before the bytes are handed over.
   */
  OpenedDocument open(Principal actor, UUID requestId, UUID documentId) {
    if (!actor.has(Permission.REQUEST_WORK)) {
      throw new NotFoundException("no document " + documentId + " on request " + requestId);
    }
    OpenedDocument opened =
        context.jdbi.withHandle(
            handle -> {
              RequestRow row = Caseload.find(handle, actor, requestId);
              return handle
                  .createQuery(
                      "select kind, content_type, sealed from request_document"
                          + " where id = :id and request_id = :request")
                  .bind("id", documentId)
                  .bind("request", requestId)
                  .map(
                      (rs, ctx) ->
                          new OpenedDocument(
                              documentId,
                              rs.getString("kind"),
                              rs.getString("content_type"),
                              Sealed.open(
                                  workflow.key(row),
                                  row.id(),
                                  "document:" + documentId,
                                  rs.getBytes("sealed"))))
                  .findOne()
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "no document " + documentId + " on request " + requestId));
            });
    context.audit.record(
        actor,
        "request.document.viewed",
        "request-document",
        documentId.toString(),
        "ok",
        "request=" + requestId + " kind=" + opened.kind());
    return opened;
  }

  /** Staff approve or reject one pending document; the request is verified when all are in. */
  void review(Principal actor, UUID requestId, UUID documentId, boolean approved, String note) {
    if (!approved && (note == null || note.isBlank())) {
      throw new InvalidInputException(
          "a rejection needs a reason the requester can act on",
          List.of(new FieldProblem("reason", "required when rejecting")));
    }
    context.jdbi.useTransaction(
        handle -> {
          RequestRow row = Caseload.lockFor(handle, actor, requestId);
          if (row.state() != RequestState.AWAITING_VERIFICATION) {
            throw new ConflictException(
                "request " + requestId + " is " + row.state() + ", not being verified");
          }
          String status = approved ? "approved" : "rejected";
          int updated =
              handle
                  .createUpdate(
                      "update request_document set status = :status, reviewed_by = :by,"
                          + " reviewed_at = :at where id = :id"
                          + " and request_id = :request and status = 'pending'")
                  .bind("status", status)
                  .bind("by", actor.actorId())
                  .bind("at", workflow.now())
                  .bind("id", documentId)
                  .bind("request", requestId)
                  .execute();
          if (updated == 0) {
            throw new NotFoundException(
                "no pending document " + documentId + " on request " + requestId);
          }
          workflow.note(handle, row, actor, "document_" + status, documentId.toString(), note);
          if (approved) {
            completeSteps(handle, row, actor);
          }
        });
  }

  private void completeSteps(Handle handle, RequestRow row, Principal actor) {
    RequestRow current = row;
    for (VerificationStep step : Verifications.open(row, EnumSet.allOf(VerificationStep.class))) {
      if (step.documents().isEmpty()) {
        continue;
      }
      List<String> kinds = step.documents().stream().map(DocumentKind::id).toList();
      List<Instant> approvedAt =
          handle
              .createQuery(
                  "select kind, max(uploaded_at) as at from request_document"
                      + " where request_id = :id and status = 'approved' and kind in (<kinds>)"
                      + " group by kind")
              .bind("id", row.id())
              .bindList("kinds", kinds)
              .map((rs, ctx) -> RequestRows.instant(rs, "at"))
              .list();
      if (approvedAt.size() == kinds.size()) {
        Instant evidence = approvedAt.stream().max(Instant::compareTo).orElseThrow();
        current = verifications.stepDone(handle, current, step, evidence, actor);
      }
    }
  }
}
