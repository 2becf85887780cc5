package dev.steward.vault;

import com.google.crypto.tink.Aead;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.vault.VaultVocabulary.Term;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Items an exemption keeps after erasure, each sealed under the key of that exemption for that
 * subject. When the exemption expires its key is destroyed first, then its rows are deleted.
 */
final class ExemptionStore {
  private final VaultContext vault;

  ExemptionStore(VaultContext vault) {
    this.vault = vault;
  }

  /** Moves the subject's records of the exemption's categories under the exemption key. */
  void keep(Principal actor, UUID subjectId, Aead subjectKey, KeepUnderExemption exemption) {
    String ground = exemption.ground().id();
    Aead exemptionKey = vault.keyring().exemptionKey(subjectId, ground, exemption.expiresAt());
    vault
        .store()
        .useTransaction(
            handle -> {
              List<RecordRows.Stored> rows =
                  RecordRows.ofSubject(handle, subjectId).stream()
                      .filter(row -> exemption.categories().contains(row.category()))
                      .toList();
              var insert =
                  handle.prepareBatch(
                      "insert into vault_exempt_record ("
                          + RecordRows.COLUMNS
                          + ", exemption, expires_at) values (:id, :subject, :category, :source, :system,"
                          + " :purposes, :basis, :collected, :notice, :ciphertext, :ground, :expires)");
              for (RecordRows.Stored row : rows) {
                String value =
                    RecordCipher.decrypt(subjectKey, row.id(), subjectId, row.ciphertext());
                insert.bind("ground", ground).bind("expires", exemption.expiresAt());
                RecordRows.add(
                    insert,
                    row.id(),
                    subjectId,
                    row.category(),
                    row.provenance(),
                    RecordCipher.encryptKept(exemptionKey, row.id(), subjectId, ground, value));
              }
              if (!rows.isEmpty()) {
                insert.execute();
                handle
                    .createUpdate("delete from vault_record where id in (<ids>)")
                    .bindList("ids", rows.stream().map(RecordRows.Stored::id).toList())
                    .execute();
              }
              vault
                  .audit()
                  .record(
                      handle,
                      actor,
                      "record.keep",
                      "subject",
                      subjectId.toString(),
                      "ok",
                      "ground="
                          + ground
                          + " records="
                          + rows.size()
                          + " until="
                          + exemption.expiresAt());
            });
  }

  List<KeptRecord> read(Principal actor, UUID subjectId, String purpose) {
    Checks.permit(vault, actor, Permission.SUBJECT_READ, "subject.read", subjectId);
    new Checks(vault).known(Term.PURPOSE, purpose, "purpose").orThrow();
    return vault
        .store()
        .inTransaction(
            handle -> {
              Map<String, Aead> keys = new HashMap<>();
              List<KeptRecord> kept = new ArrayList<>();
              handle
                  .createQuery(
                      "select "
                          + RecordRows.COLUMNS
                          + ", exemption, expires_at"
                          + " from vault_exempt_record where subject_id = :id and expires_at > :now"
                          + " order by collected_at, id")
                  .bind("id", subjectId)
                  .bind("now", vault.clock().instant())
                  .map(
                      (rs, ctx) -> {
                        UUID id = rs.getObject("id", UUID.class);
                        String ground = rs.getString("exemption");
                        Aead key =
                            keys.computeIfAbsent(
                                ground, g -> vault.keyring().loadExemptionKey(subjectId, g));
                        String value =
                            RecordCipher.decryptKept(
                                key, id, subjectId, ground, rs.getBytes("value_ciphertext"));
                        RecordValue record =
                            new RecordValue(
                                id,
                                subjectId,
                                rs.getString("category"),
                                RecordRows.provenance(rs),
                                value,
                                null);
                        return new KeptRecord(
                            record,
                            ExemptionGround.valueOf(ground.toUpperCase(java.util.Locale.ROOT)),
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant());
                      })
                  .forEach(kept::add);
              vault
                  .audit()
                  .record(
                      handle,
                      actor,
                      "subject.read",
                      "subject",
                      subjectId.toString(),
                      "ok",
                      "purpose=" + purpose + " kept=" + kept.size());
              return kept;
            });
  }

  /** Destroys expired exemption keys, then deletes what they protected; returns how many keys. */
  int releaseExpired(Principal actor) {
    Checks.permit(vault, actor, Permission.SUBJECT_ERASE, "exemption.expire", "-");
    Instant now = vault.clock().instant();
    List<Keyring.ExpiredKey> destroyed = vault.keyring().destroyExpired(now);
    vault
        .store()
        .useTransaction(
            handle -> {
              // Rows past expiry include those of keys destroyed by a run that stopped before this
              // step.
              List<Keyring.ExpiredKey> expired =
                  new ArrayList<>(
                      handle
                          .createQuery(
                              "select distinct subject_id, exemption from vault_exempt_record"
                                  + " where expires_at <= :now")
                          .bind("now", now)
                          .map(
                              (rs, ctx) ->
                                  new Keyring.ExpiredKey(
                                      rs.getObject(1, UUID.class), rs.getString(2)))
                          .list());
              destroyed.stream().filter(key -> !expired.contains(key)).forEach(expired::add);
              for (Keyring.ExpiredKey key : expired) {
                handle
                    .createUpdate(
                        "delete from vault_exempt_record where subject_id = :id"
                            + " and exemption = :ground")
                    .bind("id", key.subjectId())
                    .bind("ground", key.exemption())
                    .execute();
                vault
                    .audit()
                    .record(
                        handle,
                        actor,
                        "exemption.expire",
                        "subject",
                        key.subjectId().toString(),
                        "ok",
                        "ground=" + key.exemption());
              }
            });
    return destroyed.size();
  }
}
