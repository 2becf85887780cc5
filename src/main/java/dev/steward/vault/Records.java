package dev.steward.vault;

import com.google.crypto.tink.Aead;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.vault.VaultVocabulary.Term;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Adding, reading and rectifying encrypted records. */
final class Records {
  private final VaultContext vault;

  Records(VaultContext vault) {
    this.vault = vault;
  }

  /**
   * Encrypts outside the transaction, then inserts the whole batch in one transaction with one
   * audit entry, so a bulk import pays one commit and one audit write per batch.
   */
  List<UUID> add(Principal actor, List<NewRecord> batch) {
    Checks.permit(vault, actor, Permission.SUBJECT_WRITE, "record.add", "-");
    check(batch);
    Sealed sealed = seal(batch, vault.keyring().subjectKeys(subjectsOf(batch)));
    return vault.store().inTransaction(handle -> insert(handle, actor, batch, sealed));
  }

  /**
   * Adds records in the caller's transaction, encrypted under {@code keys} (each subject's); used
   * where the subject is created in the same transaction.
   */
  List<UUID> addIn(Handle handle, Principal actor, List<NewRecord> batch, Map<UUID, Aead> keys) {
    Checks.permit(vault, actor, Permission.SUBJECT_WRITE, "record.add", "-");
    check(batch);
    return insert(handle, actor, batch, seal(batch, keys));
  }

  /** New record ids and their values encrypted, in the order of the batch. */
  private record Sealed(List<UUID> ids, List<byte[]> values) {}

  private static Sealed seal(List<NewRecord> batch, Map<UUID, Aead> keys) {
    List<UUID> ids = new ArrayList<>(batch.size());
    List<byte[]> sealed = new ArrayList<>(batch.size());
    for (NewRecord record : batch) {
      Aead key = keys.get(record.subjectId());
      if (key == null) {
        throw new SubjectNotFoundException(record.subjectId());
      }
      UUID id = UUID.randomUUID();
      ids.add(id);
      sealed.add(RecordCipher.encrypt(key, id, record.subjectId(), record.value()));
    }
    return new Sealed(ids, sealed);
  }

  private void check(List<NewRecord> batch) {
    Checks checks = new Checks(vault);
    for (int i = 0; i < batch.size(); i++) {
      checks
          .known(Term.CATEGORY, batch.get(i).category(), "records/" + i + "/category")
          .provenance(batch.get(i).provenance(), "records/" + i);
    }
    checks.orThrow();
  }

  private static Set<UUID> subjectsOf(List<NewRecord> batch) {
    Set<UUID> subjects = new LinkedHashSet<>();
    batch.forEach(record -> subjects.add(record.subjectId()));
    return subjects;
  }

  private List<UUID> insert(Handle handle, Principal actor, List<NewRecord> batch, Sealed sealed) {
    Set<UUID> subjects = subjectsOf(batch);
    List<UUID> ids = sealed.ids();
    UUID batchId = UUID.randomUUID();
    // Lock the subjects so an erasure cannot start between this check and the insert.
    Set<UUID> live =
        new HashSet<>(
            handle
                .createQuery("select id from vault_subject where id in (<ids>) for update")
                .bindList("ids", List.copyOf(subjects))
                .mapTo(UUID.class)
                .list());
    handle
        .createQuery("select subject_id from vault_tombstone where subject_id in (<ids>)")
        .bindList("ids", List.copyOf(subjects))
        .mapTo(UUID.class)
        .forEach(live::remove);
    subjects.stream()
        .filter(id -> !live.contains(id))
        .findFirst()
        .ifPresent(
            missing -> {
              throw new SubjectNotFoundException(missing);
            });
    var insert = RecordRows.insertBatch(handle);
    for (int i = 0; i < batch.size(); i++) {
      NewRecord record = batch.get(i);
      RecordRows.add(
          insert,
          ids.get(i),
          record.subjectId(),
          record.category(),
          record.provenance(),
          sealed.values().get(i));
    }
    insert.execute();
    Art14Clock.start(vault, handle, batch);
    vault
        .audit()
        .record(
            handle,
            actor,
            "record.add",
            "record-batch",
            batchId.toString(),
            "ok",
            "records=" + batch.size() + " subjects=" + subjects.size());
    return ids;
  }

  List<RecordValue> read(Principal actor, UUID subjectId, String purpose) {
    Checks.permit(vault, actor, Permission.SUBJECT_READ, "subject.read", subjectId);
    new Checks(vault).known(Term.PURPOSE, purpose, "purpose").orThrow();
    return vault
        .store()
        .inTransaction(
            handle -> {
              UUID id =
                  SubjectRows.live(handle, subjectId)
                      .orElseThrow(() -> new SubjectNotFoundException(subjectId))
                      .id();
              List<RecordRows.Stored> rows = RecordRows.ofSubject(handle, id);
              Aead key = vault.keyring().subjectKey(id);
              List<RecordValue> values = new ArrayList<>(rows.size());
              for (RecordRows.Stored row : rows) {
                String value = RecordCipher.decrypt(key, row.id(), id, row.ciphertext());
                values.add(
                    new RecordValue(
                        row.id(), id, row.category(), row.provenance(), value, row.rectifiedAt()));
              }
              // Recorded before the values leave the vault; if the audit fails, nothing is
              // returned.
              vault
                  .audit()
                  .record(
                      handle,
                      actor,
                      "subject.read",
                      "subject",
                      id.toString(),
                      "ok",
                      "purpose=" + purpose + " records=" + values.size());
              return values;
            });
  }

  /**
   * The newest value a live subject holds in {@code category} (e.g. {@code contact.email}), read
   * for one letter: only that record is decrypted, and the read is audited with {@code why}. Empty
   * when the subject is gone or holds nothing in the category.
   */
  Optional<String> newestValue(Principal actor, UUID subjectId, String category, String why) {
    Checks.permit(vault, actor, Permission.SUBJECT_READ, "subject.read", subjectId);
    return vault
        .store()
        .inTransaction(
            handle -> {
              Optional<SubjectRows.Row> live = SubjectRows.live(handle, subjectId);
              if (live.isEmpty()) {
                return Optional.<String>empty();
              }
              UUID id = live.get().id();
              Optional<RecordRows.Stored> newest =
                  RecordRows.ofSubject(handle, id).stream()
                      .filter(row -> row.category().equals(category))
                      .reduce((first, second) -> second);
              if (newest.isEmpty()) {
                return Optional.<String>empty();
              }
              Aead key = vault.keyring().subjectKey(id);
              String value =
                  RecordCipher.decrypt(key, newest.get().id(), id, newest.get().ciphertext());
              vault
                  .audit()
                  .record(
                      handle,
                      actor,
                      "subject.read",
                      "subject",
                      id.toString(),
                      "ok",
                      "category=" + category + " why=" + why);
              return Optional.of(value);
            });
  }

  /** {@code subjectId} may be null; otherwise the record must belong to that live subject. */
  void rectify(Principal actor, UUID subjectId, UUID recordId, String newValue, String reason) {
    Checks.permit(vault, actor, Permission.SUBJECT_WRITE, "record.rectify", recordId);
    new Checks(vault)
        .text(reason, 500, true, "reason")
        .text(newValue, 100_000, true, "value")
        .orThrow();
    Instant now = vault.clock().instant();
    vault
        .store()
        .useTransaction(
            handle -> {
              RecordRows.Stored row =
                  RecordRows.byId(handle, recordId).stream()
                      .findFirst()
                      .orElseThrow(() -> new NotFoundException("no record " + recordId));
              SubjectRows.locked(handle, row.subjectId())
                  .orElseThrow(() -> new SubjectNotFoundException(row.subjectId()));
              if (subjectId != null
                  && !SubjectRows.live(handle, subjectId)
                      .map(owner -> owner.id().equals(row.subjectId()))
                      .orElse(false)) {
                throw new NotFoundException("subject " + subjectId + " has no record " + recordId);
              }
              Aead key = vault.keyring().subjectKey(row.subjectId());
              handle
                  .createUpdate(
                      "update vault_record set value_ciphertext = :sealed, rectified_at = :at"
                          + " where id = :id")
                  .bind("sealed", RecordCipher.encrypt(key, recordId, row.subjectId(), newValue))
                  .bind("at", now)
                  .bind("id", recordId)
                  .execute();
              // Who and why, never the old value: GDPR Art. 16 asks for the correction, not its
              // history.
              handle
                  .createUpdate(
                      "insert into vault_rectification (id, record_id, subject_id, at,"
                          + " actor_type, actor_id, reason) values (:id, :record, :subject, :at, :type,"
                          + " :actor, :reason)")
                  .bind("id", UUID.randomUUID())
                  .bind("record", recordId)
                  .bind("subject", row.subjectId())
                  .bind("at", now)
                  .bind("type", actor.actorType())
                  .bind("actor", actor.actorId())
                  .bind("reason", reason)
                  .execute();
              vault
                  .audit()
                  .record(
                      handle,
                      actor,
                      "record.rectify",
                      "record",
                      recordId.toString(),
                      "ok",
                      "subject=" + row.subjectId() + " category=" + row.category());
            });
  }
}
