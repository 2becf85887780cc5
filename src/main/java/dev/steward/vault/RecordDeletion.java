package dev.steward.vault;

import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Deletes some records of a subject that stays: a deletion whose scope is narrower than the whole
 * person (CCPA, Cal. Civ. Code §1798.105(a): what was collected from the consumer). The subject,
 * its key and its other records remain; the deleted rows go from the live store, and copies in
 * backups stay readable under the subject key until they age out (11 CCR §7022(d) allows deletion
 * from archives when they are next used). Erasing the whole person is {@link Eraser}'s job.
 */
final class RecordDeletion {
  private final VaultContext vault;

  RecordDeletion(VaultContext vault) {
    this.vault = vault;
  }

  /** Deletes those of {@code recordIds} the live subject still has; returns how many. */
  int delete(
      Principal actor, UUID subjectId, Set<UUID> recordIds, String reason, String requestId) {
    return delete(actor, subjectId, recordIds, reason, requestId, false);
  }

  /**
   * Anonymises those of {@code recordIds} the live subject still has: the rows go, and a count of
   * them by category, source, purposes and month of collection stays; returns how many.
   */
  int anonymise(Principal actor, UUID subjectId, Set<UUID> recordIds, String reason) {
    return delete(actor, subjectId, recordIds, reason, null, true);
  }

  private int delete(
      Principal actor,
      UUID subjectId,
      Set<UUID> recordIds,
      String reason,
      String requestId,
      boolean keepCounts) {
    String action = keepCounts ? "record.anonymise" : "record.delete";
    Checks.permit(vault, actor, Permission.SUBJECT_ERASE, action, subjectId);
    new Checks(vault)
        .text(reason, 500, true, "reason")
        .text(requestId, 64, false, "requestId")
        .orThrow();
    if (recordIds.isEmpty()) {
      return 0;
    }
    return vault
        .store()
        .inTransaction(
            handle -> {
              UUID id =
                  SubjectRows.locked(handle, subjectId)
                      .orElseThrow(() -> new SubjectNotFoundException(subjectId))
                      .id();
              List<UUID> ids = List.copyOf(recordIds);
              if (keepCounts) {
                keepCounts(handle, id, ids);
              }
              handle
                  .createUpdate(
                      "delete from vault_rectification where subject_id = :subject"
                          + " and record_id in (<ids>)")
                  .bind("subject", id)
                  .bindList("ids", ids)
                  .execute();
              int deleted =
                  handle
                      .createUpdate(
                          "delete from vault_record where subject_id = :subject and id in (<ids>)")
                      .bind("subject", id)
                      .bindList("ids", ids)
                      .execute();
              vault
                  .audit()
                  .record(
                      handle,
                      actor,
                      action,
                      "subject",
                      id.toString(),
                      "ok",
                      "records=" + deleted + " reason=" + reason + " request=" + requestId);
              return deleted;
            });
  }

  /** Adds the records' counts to the aggregates, grouped by what identifies no one. */
  private void keepCounts(Handle handle, UUID subject, List<UUID> ids) {
    Map<List<String>, Integer> counts = new TreeMap<>(Comparator.comparing(List::toString));
    handle
        .createQuery(
            "select category, source, purposes, collected_at from vault_record where subject_id ="
                + " :subject and id in (<ids>)")
        .bind("subject", subject)
        .bindList("ids", ids)
        .map(
            (rs, ctx) ->
                List.of(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    YearMonth.from(
                            rs.getObject(4, OffsetDateTime.class)
                                .withOffsetSameInstant(ZoneOffset.UTC))
                        .toString()))
        .forEach(key -> counts.merge(key, 1, Integer::sum));
    OffsetDateTime now = OffsetDateTime.ofInstant(vault.clock().instant(), ZoneOffset.UTC);
    counts.forEach(
        (key, records) ->
            handle
                .createUpdate(
                    "insert into vault_record_aggregate (id, category, source, purposes,"
                        + " collected_month, records, anonymised_at) values (:id, :category,"
                        + " :source, :purposes, :month, :records, :at)")
                .bind("id", UUID.randomUUID())
                .bind("category", key.get(0))
                .bind("source", key.get(1))
                .bind("purposes", key.get(2))
                .bind("month", key.get(3))
                .bind("records", records)
                .bind("at", now)
                .execute());
  }
}
