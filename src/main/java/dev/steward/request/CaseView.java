package dev.steward.request;

import com.google.crypto.tink.Aead;
import dev.steward.principal.Principal;
import dev.steward.request.RequestDetail.Alias;
import dev.steward.request.RequestDetail.Document;
import dev.steward.request.RequestDetail.RequesterContact;
import dev.steward.request.RequestDetail.Step;
import dev.steward.vault.KeyDestroyedException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Builds the view of one request in the projection the caller's permissions choose ({@link
 * RequestProjection}); every read is audited with the projection served.
 */
final class CaseView {
  private final RequestContext context;
  private final Workflow workflow;

  CaseView(RequestContext context, Workflow workflow) {
    this.context = context;
    this.workflow = workflow;
  }

  RequestDetail read(Principal caller, UUID id) {
    return context.jdbi.withHandle(
        handle -> {
          RequestRow row = Caseload.find(handle, caller, id);
          RequestProjection projection = RequestProjection.of(caller);
          RequestDetail detail = detail(handle, row, projection);
          context.audit.record(
              caller, "request.read", "request", id.toString(), "ok", "view=" + projection.id());
          return detail;
        });
  }

  private RequestDetail detail(Handle handle, RequestRow row, RequestProjection projection) {
    // The outline decrypts nothing, so nothing personal can slip into it; a request whose key was
    // destroyed with the person's data (ErasedRequests) has nothing left to show either.
    Aead key = projection == RequestProjection.CASE ? keyOf(row) : null;
    Progress p = row.progress();
    List<RequestDetail.Clock> clocks =
        CaseRows.clocks(handle, row.id()).stream()
            .map(
                c ->
                    new RequestDetail.Clock(
                        c.jurisdictionId(),
                        c.rule().count().name().toLowerCase(java.util.Locale.ROOT),
                        c.rule().amount(),
                        c.rule().calendarId(),
                        c.countedFrom(),
                        c.daysPaused(),
                        c.dueDate(),
                        c.dueAt(),
                        c.confirmBy(),
                        c.extended(),
                        c.jurisdictionId().equals(p.governing()),
                        c.uncounted(),
                        c.stoppedSince(),
                        c.daysLeftWhenResumed()))
            .toList();
    List<Step> history =
        EventRows.list(handle, row.id()).stream()
            .map(
                e ->
                    new Step(
                        e.at(),
                        e.action(),
                        e.fromState(),
                        e.toState(),
                        e.actorType(),
                        e.actorId(),
                        e.code(),
                        key == null ? null : Sealed.openText(key, row.id(), "note", e.note())))
            .toList();
    List<Document> documents =
        handle
            .createQuery(
                "select id, kind, content_type, size_bytes, uploaded_at, status"
                    + " from request_document where request_id = :id order by uploaded_at")
            .bind("id", row.id())
            .map(
                (rs, ctx) ->
                    new Document(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("content_type"),
                        rs.getInt("size_bytes"),
                        RequestRows.instant(rs, "uploaded_at"),
                        rs.getString("status")))
            .list();
    List<Alias> aliases =
        handle
            .createQuery(
                "select reference, channel, received_at from request_alias"
                    + " where request_id = :id order by received_at")
            .bind("id", row.id())
            .map(
                (rs, ctx) ->
                    new Alias(
                        rs.getString("reference"),
                        rs.getString("channel"),
                        RequestRows.instant(rs, "received_at")))
            .list();
    return new RequestDetail(
        RequestSummary.of(
            row, workflow.now(), clocks.stream().anyMatch(c -> c.uncounted() != null)),
        row.residence(),
        row.language().tag(),
        row.documentId(),
        row.verificationLevel().name().toLowerCase(java.util.Locale.ROOT),
        p.needed().stream().map(VerificationStep::id).sorted().toList(),
        p.done().stream().map(VerificationStep::id).sorted().toList(),
        p.identityReceivedAt(),
        p.verifiedAt(),
        p.confirmBy(),
        p.confirmedAt(),
        p.subjectId(),
        p.outcome(),
        p.exemptionId(),
        p.closedAt(),
        key == null ? null : contact(key, row),
        clocks,
        history,
        documents.stream().filter(Objects::nonNull).toList(),
        aliases);
  }

  private static RequesterContact contact(Aead key, RequestRow row) {
    Contact contact = Sealed.openContact(key, row.id(), row.contactSealed());
    return new RequesterContact(
        contact.email(),
        contact.phone(),
        contact.details(),
        contact.agentName(),
        contact.agentEmail());
  }

  /** The request's key; null once it was destroyed with the person's data (ErasedRequests). */
  private Aead keyOf(RequestRow row) {
    try {
      return workflow.key(row);
    } catch (KeyDestroyedException erased) {
      return null;
    }
  }
}
