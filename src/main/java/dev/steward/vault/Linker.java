package dev.steward.vault;

import com.google.crypto.tink.Aead;
import dev.steward.error.ConflictException;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Merging two subjects found to be one person, and splitting an identity off into a subject of its
 * own. Records that change subject are re-encrypted under the receiving subject's key inside the
 * same transaction that moves them, so no record is ever readable under the wrong key or lost.
 */
final class Linker {
  private final VaultContext vault;

  Linker(VaultContext vault) {
    this.vault = vault;
  }

  /** Moves everything of {@code mergedId} to {@code survivorId}, then destroys the merged key. */
  void link(Principal actor, UUID survivorId, UUID mergedId) {
    Checks.permit(vault, actor, Permission.SUBJECT_WRITE, "subject.link", survivorId);
    vault.store().useTransaction(handle -> merge(handle, actor, survivorId, mergedId, "staff"));
  }

  /**
   * Merges within the caller's transaction; the merged subject's key is destroyed once it commits
   * (its records now live under the survivor's key, and a rollback must still find them readable).
   * {@code why} goes into the audit entry: {@code staff}, a link candidate, or the request whose
   * proof linked them.
   */
  void merge(Handle handle, Principal actor, UUID survivorId, UUID mergedId, String why) {
    // Lock in id order so two opposite merges cannot deadlock.
    boolean survivorFirst = survivorId.compareTo(mergedId) < 0;
    SubjectRows.Row first = live(handle, survivorFirst ? survivorId : mergedId);
    SubjectRows.Row second = live(handle, survivorFirst ? mergedId : survivorId);
    SubjectRows.Row survivor = survivorFirst ? first : second;
    SubjectRows.Row gone = survivorFirst ? second : first;
    if (survivor.id().equals(gone.id())) {
      throw new ConflictException(
          "subjects " + survivorId + " and " + mergedId + " are already one");
    }
    int records = moveRecords(handle, gone.id(), survivor.id(), null);
    int identities = SubjectRows.moveIdentities(handle, gone.id(), survivor.id());
    SubjectRows.update(handle, merge(survivor, gone));
    Instant now = vault.clock().instant();
    handle
        .createUpdate(
            "insert into vault_subject_merge (merged_id, survivor_id, merged_at)"
                + " values (:merged, :survivor, :at)")
        .bind("merged", gone.id())
        .bind("survivor", survivor.id())
        .bind("at", now)
        .execute();
    handle.createUpdate("delete from vault_subject where id = :id").bind("id", gone.id()).execute();
    LinkCandidates.merged(handle, survivor.id(), gone.id(), why, now);
    vault
        .audit()
        .record(
            handle,
            actor,
            "subject.link",
            "subject",
            survivor.id().toString(),
            "ok",
            "merged="
                + gone.id()
                + " mergedType="
                + gone.type()
                + " records="
                + records
                + " identities="
                + identities
                + " by="
                + why);
    UUID goneId = gone.id();
    handle.afterCommit(() -> vault.keyring().destroySubjectKey(goneId));
  }

  /** Moves one identity, and the given records, to a new subject of the same type. */
  UUID unlink(Principal actor, UUID subjectId, Identity identity, Set<UUID> recordIds) {
    Checks.permit(vault, actor, Permission.SUBJECT_WRITE, "subject.unlink", subjectId);
    String hash = vault.index().hash(identity);
    UUID newId = UUID.randomUUID();
    vault.keyring().createSubjectKey(newId);
    try {
      vault
          .store()
          .useTransaction(
              handle -> {
                SubjectRows.Row from = live(handle, subjectId);
                if (!SubjectRows.holds(handle, hash, from.id())) {
                  throw new NotFoundException(
                      "subject "
                          + subjectId
                          + " has no such "
                          + identity.type().id()
                          + " identity");
                }
                SubjectRows.insert(
                    handle,
                    newId,
                    new SubjectRows.Row(
                        newId,
                        from.type(),
                        from.start(),
                        from.end(),
                        from.under13(),
                        vault.clock().instant()));
                handle
                    .createUpdate(
                        "update vault_identity set subject_id = :to"
                            + " where hash = :hash and subject_id = :from")
                    .bind("to", newId)
                    .bind("hash", hash)
                    .bind("from", from.id())
                    .execute();
                int records = moveRecords(handle, from.id(), newId, recordIds);
                if (records != recordIds.size()) {
                  throw new NotFoundException(
                      "not every record to move belongs to subject " + subjectId);
                }
                vault
                    .audit()
                    .record(
                        handle,
                        actor,
                        "subject.unlink",
                        "subject",
                        from.id().toString(),
                        "ok",
                        "new=" + newId + " records=" + records);
              });
    } catch (RuntimeException e) {
      vault.keyring().destroySubjectKey(newId);
      throw e;
    }
    return newId;
  }

  /** Re-encrypts and re-points the records of {@code from} ({@code only} those, if given). */
  private int moveRecords(Handle handle, UUID from, UUID to, Set<UUID> only) {
    List<RecordRows.Stored> rows = RecordRows.ofSubject(handle, from);
    if (only != null) {
      rows = rows.stream().filter(row -> only.contains(row.id())).toList();
    }
    if (rows.isEmpty()) {
      return 0;
    }
    Aead fromKey = vault.keyring().subjectKey(from);
    Aead toKey = vault.keyring().subjectKey(to);
    for (RecordRows.Stored row : rows) {
      String value = RecordCipher.decrypt(fromKey, row.id(), from, row.ciphertext());
      RecordRows.reseal(handle, row.id(), to, RecordCipher.encrypt(toKey, row.id(), to, value));
    }
    return rows.size();
  }

  private static SubjectRows.Row merge(SubjectRows.Row survivor, SubjectRows.Row gone) {
    LocalDate start = earliest(survivor.start(), gone.start());
    // A null end means the relationship goes on; if either does, the merged one does.
    LocalDate end =
        survivor.end() == null || gone.end() == null ? null : latest(survivor.end(), gone.end());
    Boolean under13 =
        Boolean.TRUE.equals(survivor.under13()) || Boolean.TRUE.equals(gone.under13())
            ? Boolean.TRUE
            : survivor.under13() != null ? survivor.under13() : gone.under13();
    return new SubjectRows.Row(
        survivor.id(), survivor.type(), start, end, under13, survivor.createdAt());
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private SubjectRows.Row live(Handle handle, UUID id) {
    return SubjectRows.locked(handle, id).orElseThrow(() -> new SubjectNotFoundException(id));
  }
}
