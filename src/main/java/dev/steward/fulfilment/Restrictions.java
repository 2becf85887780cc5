package dev.steward.fulfilment;

import dev.steward.consent.ConsentStates;
import dev.steward.consent.Party;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * GDPR Art. 18 restriction flags. The decision service asks {@link #isRestricted} before allowing a
 * use of a subject's data other than storage. Thread-safe.
 */
public final class Restrictions {
  private final Jdbi jdbi;
  private final ConsentStates states;
  private final Clock clock;

  public Restrictions(Jdbi jdbi, ConsentStates states, Clock clock) {
    this.jdbi = jdbi;
    this.states = states;
    this.clock = clock;
  }

  /** True while the subject's processing is restricted. */
  public boolean isRestricted(UUID subjectId) {
    return jdbi.withHandle(
        handle ->
            handle
                    .createQuery(
                        "select count(*) from subject_restriction"
                            + " where subject_id = :id and lifted_at is null")
                    .bind("id", subjectId)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /** Sets or lifts the flag; setting it again keeps the first time. */
  void set(UUID subjectId, UUID requestId, boolean restricted) {
    jdbi.useTransaction(
        handle -> {
          int updated =
              handle
                  .createUpdate(
                      restricted
                          ? "update subject_restriction set lifted_at = null, request_id = :request"
                              + " where subject_id = :id"
                          : "update subject_restriction set lifted_at = :now"
                              + " where subject_id = :id and lifted_at is null")
                  .bind("id", subjectId)
                  .bind("request", requestId)
                  .bind("now", clock.instant())
                  .execute();
          if (restricted && updated == 0) {
            handle
                .createUpdate(
                    "insert into subject_restriction (subject_id, request_id, restricted_at)"
                        + " values (:id, :request, :now)")
                .bind("id", subjectId)
                .bind("request", requestId)
                .bind("now", clock.instant())
                .execute();
          }
          // Decisions read the flag: every node forgets what it knew of the subject.
          states.changed(handle, List.of(Party.subject(subjectId)));
        });
  }
}
