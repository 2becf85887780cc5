package dev.steward.fulfilment;

import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentStates;
import dev.steward.consent.Party;
import dev.steward.principal.Principal;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Objections (GDPR Art. 21) and withdrawals of consent (Art. 7(3)) recorded from requests, for the
 * consent ledger and the decision service. A withdrawal also ends the subject's consent records for
 * the purposes it names, or all of them when it names none ({@link ConsentWithdrawals}).
 * Thread-safe.
 */
public final class Objections {
  /** Stands for every purpose. */
  public static final String ALL = "*";

  private static final Principal FULFILMENT = new Principal.System("fulfilment");

  private final Jdbi jdbi;
  private final ConsentLedger ledger;
  private final ConsentStates states;
  private final Clock clock;

  public Objections(Jdbi jdbi, ConsentLedger ledger, ConsentStates states, Clock clock) {
    this.jdbi = jdbi;
    this.ledger = ledger;
    this.states = states;
    this.clock = clock;
  }

  /** True when the subject objected to {@code purpose} (or to all purposes). */
  public boolean objectedTo(UUID subjectId, String purpose) {
    return purposes(subjectId, "objection").stream()
        .anyMatch(p -> p.equals(ALL) || p.equals(purpose));
  }

  /** True when the subject withdrew consent for {@code purpose} (or for all). */
  public boolean withdrewConsent(UUID subjectId, String purpose) {
    return purposes(subjectId, "consent_withdrawal").stream()
        .anyMatch(p -> p.equals(ALL) || p.equals(purpose));
  }

  private List<String> purposes(UUID subjectId, String kind) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "select purposes from subject_objection where subject_id = :id and kind = :kind")
                .bind("id", subjectId)
                .bind("kind", kind)
                .mapTo(String.class)
                .stream()
                .flatMap(text -> Arrays.stream(text.split(",")))
                .toList());
  }

  /** Records it once per request; returns how many consent records a withdrawal touched. */
  int record(UUID subjectId, UUID requestId, String kind, Set<String> purposes) {
    String list = purposes.isEmpty() ? ALL : String.join(",", purposes.stream().sorted().toList());
    return jdbi.inTransaction(
        handle -> {
          boolean exists =
              handle
                      .createQuery(
                          "select count(*) from subject_objection"
                              + " where request_id = :request and kind = :kind")
                      .bind("request", requestId)
                      .bind("kind", kind)
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (!exists) {
            handle
                .createUpdate(
                    "insert into subject_objection"
                        + " (id, subject_id, kind, purposes, request_id, recorded_at)"
                        + " values (:id, :subject, :kind, :purposes, :request, :now)")
                .bind("id", UUID.randomUUID())
                .bind("subject", subjectId)
                .bind("kind", kind)
                .bind("purposes", list)
                .bind("request", requestId)
                .bind("now", clock.instant())
                .execute();
          }
          states.changed(handle, List.of(Party.subject(subjectId)));
          if (!kind.equals("consent_withdrawal")) {
            return 0;
          }
          // GDPR Art. 7(3): the ledger's withdrawn events are what decisions read; the record's
          // own columns stay current for the collection feature's readers.
          ledger.withdraw(
              handle,
              FULFILMENT,
              subjectId,
              purposes,
              "request",
              "request:" + requestId,
              "request:" + requestId);
          return ConsentWithdrawals.withdraw(
              handle, subjectId, requestId, purposes, clock.instant());
        });
  }
}
