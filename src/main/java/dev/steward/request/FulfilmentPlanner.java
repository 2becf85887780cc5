package dev.steward.request;

import dev.steward.policy.RequestType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The seam between the request workflow and fulfilment. When a verified request is started, the
 * workflow calls {@link #plan} inside the transaction that moves it to {@code in_progress}; the
 * planner may write its own task rows with the same handle, so the start and the plan commit
 * together. Until fan-out to systems exists, {@link #manual()} leaves the request in progress for
 * staff to complete with evidence. Implementations are thread-safe.
 */
@FunctionalInterface
public interface FulfilmentPlanner {

  /** What became of the request once planned. */
  enum Plan {
    /** Staff carry it out and complete it with evidence. */
    MANUAL,
    /** Tasks were created for systems; the request waits for them ({@code awaiting_systems}). */
    AWAITING_SYSTEMS
  }

  /**
   * A request that has just been started.
   *
   * @param subjectId the vault subject matched during verification, if any
   * @param jurisdictions the ids of every jurisdiction whose clock runs on the request
   * @param documentId for a {@code document} request, the policy's document id
   * @param language the requester's language, for what is sent to them
   * @param identities the identities through which fulfilment may reach the person in systems
   *     outside the vault: those the verification proved, or all given when the request needed no
   *     verification step (docs/vault.md, "Linking"). Personal data.
   */
  record StartedRequest(
      UUID id,
      String reference,
      RequestType type,
      Optional<UUID> subjectId,
      List<String> jurisdictions,
      Optional<String> documentId,
      String language,
      Instant dueAt,
      List<GivenIdentity> identities) {
    public StartedRequest {
      identities = List.copyOf(identities);
    }
  }

  /** An identity the request gave, e.g. {@code email}; the value is personal data. */
  record GivenIdentity(String type, String value) {
    @Override
    public String toString() {
      return "GivenIdentity[" + type + ", value hidden]";
    }
  }

  Plan plan(Handle handle, StartedRequest request);

  /** Fulfilment by hand: every request stays in progress until staff complete it. */
  static FulfilmentPlanner manual() {
    return (handle, request) -> Plan.MANUAL;
  }
}
