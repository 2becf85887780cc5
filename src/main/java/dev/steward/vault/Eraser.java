package dev.steward.vault;

import com.google.crypto.tink.Aead;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure by key destruction, in an order that survives a crash at any step and can be run again
 * until it completes:
 *
 * <ol>
 *   <li>audit "started" and write the tombstone (with the identity hashes) in one transaction; from
 *       here the subject counts as erased and takes no new records;
 *   <li>move what each exemption keeps under that exemption's key (one transaction per exemption,
 *       each moving rows out of {@code vault_record});
 *   <li>destroy the subject key in the keyring: every copy of what is left, backups included, is
 *       unreadable; then tell the {@link ErasureListener}, which erases the copies other features
 *       made (access packages, documents);
 *   <li>delete the records, identities and the subject row, mark the tombstone complete and audit
 *       "ok", in one transaction.
 * </ol>
 *
 * Readable data therefore never exists without the "started" entry, and a rerun after a crash
 * between steps picks up from the tombstone.
 */
final class Eraser {
  private static final Logger LOG = LoggerFactory.getLogger(Eraser.class);

  private final VaultContext vault;
  private final ExemptionStore kept;
  private volatile ErasureListener listener = ErasureListener.NONE;

  Eraser(VaultContext vault, ExemptionStore kept) {
    this.vault = vault;
    this.kept = kept;
  }

  void listen(ErasureListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  Tombstone erase(
      Principal actor,
      UUID subjectId,
      String reason,
      String requestId,
      List<KeepUnderExemption> keep) {
    Checks.permit(vault, actor, Permission.SUBJECT_ERASE, "subject.erase", subjectId);
    validate(reason, requestId, keep);
    Tombstone tombstone =
        vault
            .store()
            .inTransaction(
                handle -> {
                  Optional<Tombstone> existing = SubjectRows.tombstone(handle, subjectId);
                  if (existing.isPresent()) {
                    return existing.get();
                  }
                  SubjectRows.Row row =
                      SubjectRows.locked(handle, subjectId)
                          .orElseThrow(() -> new SubjectNotFoundException(subjectId));
                  if (!row.id().equals(subjectId)) {
                    throw new NotFoundException(
                        "subject "
                            + subjectId
                            + " was merged into "
                            + row.id()
                            + "; erase that subject");
                  }
                  Instant now = vault.clock().instant();
                  handle
                      .createUpdate(
                          "insert into vault_tombstone (subject_id, erased_at, reason, request_id)"
                              + " values (:id, :at, :reason, :request)")
                      .bind("id", subjectId)
                      .bind("at", now)
                      .bind("reason", reason)
                      .bind("request", requestId)
                      .execute();
                  handle
                      .createUpdate(
                          "insert into vault_tombstone_identity (hash, subject_id)"
                              + " select hash, subject_id from vault_identity where subject_id = :id")
                      .bind("id", subjectId)
                      .execute();
                  vault
                      .audit()
                      .record(
                          handle,
                          actor,
                          "subject.erase",
                          "subject",
                          subjectId.toString(),
                          "started",
                          "request="
                              + requestId
                              + " keep="
                              + keep.stream()
                                  .map(k -> k.ground().id())
                                  .collect(Collectors.joining(",")));
                  return new Tombstone(subjectId, now, reason, requestId, null);
                });
    if (tombstone.completedAt() != null) {
      // Copies outside the vault may be back (a keyring restored from a backup) or older than the
      // listener: erasing them again costs little.
      listener.erased(actor, erased(tombstone));
      return tombstone;
    }
    Optional<Aead> subjectKey = subjectKey(subjectId);
    if (subjectKey.isPresent()) {
      for (KeepUnderExemption exemption : keep) {
        kept.keep(actor, subjectId, subjectKey.get(), exemption);
      }
    }
    vault.keyring().destroySubjectKey(subjectId);
    LOG.info("subject {}: data key destroyed", subjectId);
    listener.erased(actor, erased(tombstone));
    return vault
        .store()
        .inTransaction(
            handle -> {
              for (String table :
                  List.of("vault_record", "vault_rectification", "vault_identity")) {
                handle
                    .createUpdate("delete from " + table + " where subject_id = :id")
                    .bind("id", subjectId)
                    .execute();
              }
              handle
                  .createUpdate("delete from vault_subject where id = :id")
                  .bind("id", subjectId)
                  .execute();
              Instant now = vault.clock().instant();
              handle
                  .createUpdate(
                      "update vault_tombstone set completed_at = :at where subject_id = :id")
                  .bind("at", now)
                  .bind("id", subjectId)
                  .execute();
              vault
                  .audit()
                  .record(
                      handle,
                      actor,
                      "subject.erase",
                      "subject",
                      subjectId.toString(),
                      "ok",
                      "request=" + requestId);
              return new Tombstone(
                  subjectId, tombstone.erasedAt(), tombstone.reason(), tombstone.requestId(), now);
            });
  }

  /** The subject with the ids merged into it, following merges of merges. */
  private ErasedSubject erased(Tombstone tombstone) {
    Set<UUID> merged =
        vault
            .store()
            .withHandle(
                handle -> {
                  Set<UUID> found = new HashSet<>();
                  List<UUID> survivors = List.of(tombstone.subjectId());
                  while (!survivors.isEmpty()) {
                    survivors =
                        handle
                            .createQuery(
                                "select merged_id from vault_subject_merge"
                                    + " where survivor_id in (<ids>)")
                            .bindList("ids", survivors)
                            .mapTo(UUID.class)
                            .filter(found::add)
                            .list();
                  }
                  return found;
                });
    return new ErasedSubject(tombstone.subjectId(), merged, tombstone.requestId());
  }

  private Optional<Aead> subjectKey(UUID subjectId) {
    try {
      return Optional.of(vault.keyring().subjectKey(subjectId));
    } catch (KeyDestroyedException e) {
      // A rerun after step 3: the exemptions were moved before the key went.
      return Optional.empty();
    }
  }

  private void validate(String reason, String requestId, List<KeepUnderExemption> keep) {
    Checks checks =
        new Checks(vault).text(reason, 500, true, "reason").text(requestId, 64, false, "requestId");
    Set<ExemptionGround> grounds = new HashSet<>();
    Set<String> categories = new HashSet<>();
    for (int i = 0; i < keep.size(); i++) {
      KeepUnderExemption exemption = keep.get(i);
      if (!grounds.add(exemption.ground())) {
        checks.problem("keep/" + i + "/ground", "names an exemption already listed");
      }
      for (String category : exemption.categories()) {
        checks.known(VaultVocabulary.Term.CATEGORY, category, "keep/" + i + "/categories");
        if (!categories.add(category)) {
          checks.problem("keep/" + i + "/categories", "category " + category + " is kept twice");
        }
      }
      if (!exemption.expiresAt().isAfter(vault.clock().instant())) {
        checks.problem("keep/" + i + "/expiresAt", "is not in the future");
      }
    }
    checks.orThrow();
  }
}
