package dev.steward.vault;

import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
    Checks.permit(vault, actor, Permission.SUBJECT_ERASE, "record.delete", subjectId);
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
                      "record.delete",
                      "subject",
                      id.toString(),
                      "ok",
                      "records=" + deleted + " reason=" + reason + " request=" + requestId);
              return deleted;
            });
  }
}
