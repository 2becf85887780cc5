package dev.steward.fulfilment;

import dev.steward.audit.AuditTrail;
import dev.steward.principal.Principal;
import dev.steward.request.Requests;
import dev.steward.vault.ErasedSubject;
import dev.steward.vault.ErasureListener;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Erases the copies of a person's data made while their requests were fulfilled, when the vault
 * erases the person, by a later rights request or by staff. GDPR Art. 17(1) asks for the data to be
 * erased, and an access package is a copy: its link would otherwise serve the person's data for the
 * rest of its lifetime.
 *
 * <p>The person's requests are those fulfilment planned for the erased subject or a subject merged
 * into it ({@code fulfilment_plan.subject_id}); the ids are the ones recorded then, never found
 * again through identities. Their packages are cleared and marked erased (the link answers 410),
 * the access items sealed for a package not yet built are cleared, and their plans are marked,
 * under the plans' row locks: a package being stored meanwhile either commits first and is cleared
 * here, or waits and is stored already erased ({@link AccessPackages#store}). Then the request
 * feature erases what the requests themselves hold ({@link Requests#eraseCopies}). Idempotent;
 * thread-safe.
 */
final class ErasedCopies implements ErasureListener {
  private final Jdbi jdbi;
  private final Requests requests;
  private final AuditTrail audit;
  private final Clock clock;

  ErasedCopies(Jdbi jdbi, Requests requests, AuditTrail audit, Clock clock) {
    this.jdbi = jdbi;
    this.requests = requests;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void erased(Principal actor, ErasedSubject erased) {
    Set<UUID> planned = jdbi.inTransaction(handle -> revoke(handle, actor, erased));
    requests.eraseCopies(actor, erased, planned);
  }

  private Set<UUID> revoke(Handle handle, Principal actor, ErasedSubject erased) {
    Instant now = clock.instant();
    List<UUID> subjects = List.copyOf(erased.allIds());
    Set<UUID> planned =
        new TreeSet<>(
            handle
                .createQuery(
                    "select request_id from fulfilment_plan where subject_id in (<subjects>)"
                        + " order by request_id for update")
                .bindList("subjects", subjects)
                .mapTo(UUID.class)
                .list());
    for (UUID request : planned) {
      int marked =
          handle
              .createUpdate(
                  "update fulfilment_plan set subject_erased_at = :now"
                      + " where request_id = :request and subject_erased_at is null")
              .bind("now", now)
              .bind("request", request)
              .execute();
      int packages =
          handle
              .createUpdate(
                  "update access_package set sealed = null, erased_at = :now"
                      + " where request_id = :request and erased_at is null")
              .bind("now", now)
              .bind("request", request)
              .execute();
      int items =
          handle
              .createUpdate(
                  "update fulfilment_task set result_sealed = null"
                      + " where request_id = :request and result_sealed is not null")
              .bind("request", request)
              .execute();
      if (marked + packages + items > 0) {
        audit.record(
            handle,
            actor,
            "fulfilment.erase-copies",
            "request",
            request.toString(),
            "ok",
            "subject=" + erased.subjectId() + " packages=" + packages + " items=" + items);
      }
    }
    return planned;
  }
}
