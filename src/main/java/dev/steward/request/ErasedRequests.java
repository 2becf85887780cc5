package dev.steward.request;

import dev.steward.policy.RequestType;
import dev.steward.principal.Principal;
import dev.steward.vault.ErasedSubject;
import dev.steward.vault.KeyDestroyedException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Erases what the requests of a person hold of them once the vault erased the person (GDPR Art.
 * 17(1)). The rows stay, with their types, dates, states, clocks and event codes: they show that
 * each request was answered, and when (Art. 5(2), Art. 12). What the person gave goes:
 *
 * <ul>
 *   <li>every uploaded document (identity and address proofs are copies of the person's data, and a
 *       verification already done is recorded in the request's steps and events);
 *   <li>for a closed request, its key, which takes its sealed contact details, free text, staff
 *       notes and instructions with it, in every copy of the store, backups included. An open
 *       request keeps its key: it must still be answered, by letter, at its contact address.
 * </ul>
 *
 * The erasure request itself keeps everything: its record and its proof of identity are the
 * evidence that the erasure was asked for by the person and carried out (Art. 5(2), Art. 17(3)(e)).
 * Each request reached gets a {@code personal_data_erased} event naming the erased subject, with
 * its audit entry. Idempotent: a request with no documents and no key left is not touched again.
 */
final class ErasedRequests {
  private static final Set<RequestType> ERASURES =
      EnumSet.of(RequestType.ERASURE, RequestType.DELETE, RequestType.PARENTAL_DELETION);

  private final RequestContext context;
  private final Workflow workflow;

  ErasedRequests(RequestContext context, Workflow workflow) {
    this.context = context;
    this.workflow = workflow;
  }

  /** Returns how many requests had something erased. */
  int erase(Principal actor, ErasedSubject erased, Set<UUID> planned) {
    Reached reached =
        context.jdbi.inTransaction(
            handle -> {
              Set<UUID> ids = new TreeSet<>(planned);
              ids.addAll(
                  handle
                      .createQuery("select id from rights_request where subject_id in (<ids>)")
                      .bindList("ids", List.copyOf(erased.allIds()))
                      .mapTo(UUID.class)
                      .list());
              evidence(handle, erased.requestId()).ifPresent(ids::remove);
              List<UUID> touched = new ArrayList<>();
              List<UUID> closed = new ArrayList<>();
              for (UUID id : ids) {
                RequestRow row = RequestRows.lock(handle, id);
                int documents =
                    handle
                        .createUpdate("delete from request_document where request_id = :id")
                        .bind("id", id)
                        .execute();
                boolean keyed = !row.state().isOpen() && hasKey(id);
                if (documents > 0 || keyed) {
                  workflow.note(
                      handle,
                      row,
                      actor,
                      "personal_data_erased",
                      erased.subjectId().toString(),
                      null);
                  touched.add(id);
                }
                if (keyed) {
                  closed.add(id);
                }
              }
              return new Reached(touched, closed);
            });
    // After the commit: a crash before this leaves the vault's erasure incomplete, and its rerun
    // comes here again.
    reached.closed().forEach(context.keyring::destroyRequestKey);
    return reached.requests().size();
  }

  /** The requests that had something erased, and the closed ones among them whose key goes. */
  private record Reached(List<UUID> requests, List<UUID> closed) {}

  /** The erasure request the vault's erasure names, by id or reference; none for anything else. */
  private static Optional<UUID> evidence(Handle handle, String requestId) {
    if (requestId == null || requestId.isBlank()) {
      return Optional.empty();
    }
    Optional<UUID> id;
    try {
      id = Optional.of(UUID.fromString(requestId));
    } catch (IllegalArgumentException notAnId) {
      id = RequestRows.byReference(handle, requestId);
    }
    return id.flatMap(found -> RequestRows.find(handle, found))
        .filter(row -> ERASURES.contains(row.type()))
        .map(RequestRow::id);
  }

  private boolean hasKey(UUID requestId) {
    try {
      context.keyring.requestKey(requestId);
      return true;
    } catch (KeyDestroyedException gone) {
      return false;
    }
  }
}
