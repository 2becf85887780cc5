package dev.steward.fulfilment;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Ends consent records for a withdrawal (GDPR Art. 7(3)), where the consent ledger reads them:
 * {@code consent_record.withdrawn_at} when the whole record goes, and one {@code
 * consent_purpose_withdrawal} row per purpose when a withdrawal names purposes. A record given for
 * several purposes stays live for those not named. Idempotent: a retry changes nothing more.
 */
final class ConsentWithdrawals {
  private ConsentWithdrawals() {}

  /** Withdraws consent for {@code purposes} (all when empty); returns the records touched. */
  static int withdraw(
      Handle handle, UUID subjectId, UUID requestId, Set<String> purposes, Instant now) {
    if (purposes.isEmpty()) {
      return handle
          .createUpdate(
              "update consent_record set withdrawn_at = :now"
                  + " where subject_id = :subject and withdrawn_at is null")
          .bind("subject", subjectId)
          .bind("now", now)
          .execute();
    }
    List<Live> live =
        handle
            .createQuery(
                "select id, purposes from consent_record"
                    + " where subject_id = :subject and withdrawn_at is null")
            .bind("subject", subjectId)
            .map((rs, ctx) -> new Live(rs.getObject(1, UUID.class), split(rs.getString(2))))
            .list();
    int touched = 0;
    for (Live record : live) {
      Set<String> named = new HashSet<>(record.purposes());
      named.retainAll(purposes);
      if (named.isEmpty()) {
        continue;
      }
      for (String purpose : named) {
        handle
            .createUpdate(
                "insert into consent_purpose_withdrawal"
                    + " (consent_record_id, purpose, request_id, withdrawn_at)"
                    + " values (:record, :purpose, :request, :now) on conflict do nothing")
            .bind("record", record.id())
            .bind("purpose", purpose)
            .bind("request", requestId)
            .bind("now", now)
            .execute();
      }
      Set<String> withdrawn =
          new HashSet<>(
              handle
                  .createQuery(
                      "select purpose from consent_purpose_withdrawal"
                          + " where consent_record_id = :record")
                  .bind("record", record.id())
                  .mapTo(String.class)
                  .list());
      if (withdrawn.containsAll(record.purposes())) {
        handle
            .createUpdate("update consent_record set withdrawn_at = :now where id = :record")
            .bind("record", record.id())
            .bind("now", now)
            .execute();
      }
      touched++;
    }
    return touched;
  }

  private static Set<String> split(String purposes) {
    return purposes.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(purposes.split(",")));
  }

  private record Live(UUID id, Set<String> purposes) {}
}
