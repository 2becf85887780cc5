package dev.steward.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import dev.steward.store.Database;
import dev.steward.store.UniqueViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The data keys of subjects and of their exemptions, kept wrapped by a master key in a database of
 * their own (migrations under {@code classpath:db/keyring}), apart from the data store.
 *
 * <p>Keys are not cached: several nodes may share one keyring, and a key destroyed on one node must
 * stop working on every node at once. Thread-safe; one instance per node.
 */
public final class Keyring {
  /** Scope of a subject's own data key; an exemption's key has scope {@code exemption:<id>}. */
  static final String SUBJECT_SCOPE = "subject";

  /** Scope of a rights request's own key. */
  static final String REQUEST_SCOPE = "request";

  private final Jdbi jdbi;
  private final MasterKeys masters;
  private final Clock clock;

  public Keyring(Database keyring, Aead master, String masterKeyId, Clock clock) {
    this(keyring, master, masterKeyId, Map.of(), clock);
  }

  /**
   * @param retiredMasters master keys by id that still unwrap keys an unfinished rotation has not
   *     re-wrapped yet
   */
  public Keyring(
      Database keyring,
      Aead master,
      String masterKeyId,
      Map<String, Aead> retiredMasters,
      Clock clock) {
    this.jdbi = keyring.jdbi();
    this.masters = new MasterKeys(masterKeyId, master, retiredMasters);
    this.clock = clock;
  }

  /** Makes and stores a new data key for a subject. */
  public Aead createSubjectKey(UUID subjectId) {
    KeysetHandle key = DataKeys.generate();
    jdbi.useHandle(handle -> insert(handle, subjectId, SUBJECT_SCOPE, key, null));
    return DataKeys.primitive(key);
  }

  /**
   * Makes a new subject key and wraps it under the current master, without storing it; {@link
   * #storeSubjectKeys} stores a batch of them. Pure computation, so bulk imports run it on another
   * thread while the previous batch is written.
   */
  PreparedKey prepareSubjectKey(UUID subjectId) {
    KeysetHandle key = DataKeys.generate();
    MasterKeys.Master master = masters.current();
    return new PreparedKey(
        subjectId,
        DataKeys.primitive(key),
        DataKeys.wrap(key, master.aead(), subjectId, SUBJECT_SCOPE),
        master.id());
  }

  /** Stores prepared subject keys in one transaction of the keyring. */
  void storeSubjectKeys(List<PreparedKey> keys) {
    if (keys.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    jdbi.useTransaction(
        handle -> {
          var batch =
              handle.prepareBatch(
                  "insert into data_key (owner_id, scope, wrapped_keyset, master_key_id,"
                      + " created_at) values (:owner, :scope, :wrapped, :master, :now)");
          for (PreparedKey key : keys) {
            batch
                .bind("owner", key.subjectId())
                .bind("scope", SUBJECT_SCOPE)
                .bind("wrapped", key.wrapped())
                .bind("master", key.masterId())
                .bind("now", now)
                .add();
          }
          batch.execute();
        });
  }

  /** Destroys the keys of subjects whose creation failed after their keys were stored. */
  void destroySubjectKeys(List<UUID> subjectIds) {
    if (subjectIds.isEmpty()) {
      return;
    }
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("delete from data_key where scope = :scope and owner_id in (<ids>)")
                .bind("scope", SUBJECT_SCOPE)
                .bindList("ids", subjectIds)
                .execute());
  }

  /** The subject's data key; {@link KeyDestroyedException} when it is gone. */
  public Aead subjectKey(UUID subjectId) {
    return load(subjectId, SUBJECT_SCOPE)
        .orElseThrow(() -> new KeyDestroyedException(subjectId, SUBJECT_SCOPE));
  }

  /** The data keys of those subjects that still have one, in one query (bulk writes and reads). */
  public Map<UUID, Aead> subjectKeys(Collection<UUID> subjectIds) {
    Map<UUID, Aead> keys = new HashMap<>();
    if (subjectIds.isEmpty()) {
      return keys;
    }
    jdbi.useHandle(
        handle ->
            handle
                .createQuery(
                    "select owner_id, wrapped_keyset, master_key_id from data_key"
                        + " where scope = :scope and owner_id in (<ids>)")
                .bind("scope", SUBJECT_SCOPE)
                .bindList("ids", List.copyOf(subjectIds))
                .map(
                    (rs, ctx) ->
                        new WrappedRow(
                            rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3)))
                .forEach(row -> keys.put(row.owner(), row.unwrap(masters, SUBJECT_SCOPE))));
    return keys;
  }

  /** Destroys the subject's key; everything encrypted under it, in every copy, is unreadable. */
  public boolean destroySubjectKey(UUID subjectId) {
    return destroy(subjectId, SUBJECT_SCOPE);
  }

  /**
   * Makes and stores the key of a rights request, under which its contact details and documents are
   * sealed; destroying it erases them in every copy, as a subject's key does for its records.
   */
  public Aead createRequestKey(UUID requestId) {
    KeysetHandle key = DataKeys.generate();
    jdbi.useHandle(handle -> insert(handle, requestId, REQUEST_SCOPE, key, null));
    return DataKeys.primitive(key);
  }

  /** The request's key; {@link KeyDestroyedException} when it is gone. */
  public Aead requestKey(UUID requestId) {
    return load(requestId, REQUEST_SCOPE)
        .orElseThrow(() -> new KeyDestroyedException(requestId, REQUEST_SCOPE));
  }

  /** Destroys the request's key, and with it everything sealed under it. */
  public boolean destroyRequestKey(UUID requestId) {
    return destroy(requestId, REQUEST_SCOPE);
  }

  /**
   * The key under which an exemption keeps a subject's items, made on first use; its expiry is
   * extended to {@code expiresAt} if that is later.
   */
  public Aead exemptionKey(UUID subjectId, String exemption, Instant expiresAt) {
    String scope = exemptionScope(exemption);
    try {
      return jdbi.inTransaction(handle -> extendOrInsert(handle, subjectId, scope, expiresAt));
    } catch (RuntimeException e) {
      if (!UniqueViolation.causedBy(e)) {
        throw e;
      }
      // Another node made this first key between our select and insert; its transaction has
      // committed, so running ours again finds that key, extends it and uses it.
      return jdbi.inTransaction(handle -> extendOrInsert(handle, subjectId, scope, expiresAt));
    }
  }

  private Aead extendOrInsert(Handle handle, UUID subjectId, String scope, Instant expiresAt) {
    Optional<Aead> existing = load(handle, subjectId, scope);
    if (existing.isEmpty()) {
      KeysetHandle key = DataKeys.generate();
      insert(handle, subjectId, scope, key, expiresAt);
      return DataKeys.primitive(key);
    }
    // Extended only once the key is seen: an update run before another node's insert commits
    // would miss the row the select after it then finds, leaving the earlier expiry.
    handle
        .createUpdate(
            "update data_key set expires_at = :expires where owner_id = :owner"
                + " and scope = :scope and expires_at < :expires")
        .bind("owner", subjectId)
        .bind("scope", scope)
        .bind("expires", expiresAt)
        .execute();
    return existing.orElseThrow();
  }

  /** The key of a subject's exemption; {@link KeyDestroyedException} once it expired. */
  public Aead loadExemptionKey(UUID subjectId, String exemption) {
    String scope = exemptionScope(exemption);
    return load(subjectId, scope).orElseThrow(() -> new KeyDestroyedException(subjectId, scope));
  }

  /**
   * Destroys every exemption key whose expiry has come, and says which. The report is what is
   * audited, so exactly the keys selected are deleted, one by one, and only those a delete removed
   * are reported: a key expiring, or made already expired, after the select waits for the next run.
   */
  public List<ExpiredKey> destroyExpired(Instant now) {
    return jdbi.inTransaction(
        handle -> {
          List<String[]> selected =
              handle
                  .createQuery("select owner_id, scope from data_key where expires_at <= :now")
                  .bind("now", now)
                  .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                  .list();
          if (selected.isEmpty()) {
            return List.of();
          }
          var batch =
              handle.prepareBatch(
                  "delete from data_key where owner_id = :owner and scope = :scope"
                      + " and expires_at <= :now");
          for (String[] row : selected) {
            batch
                .bind("owner", UUID.fromString(row[0]))
                .bind("scope", row[1])
                .bind("now", now)
                .add();
          }
          int[] deleted = batch.execute();
          List<ExpiredKey> destroyed = new ArrayList<>();
          for (int i = 0; i < selected.size(); i++) {
            if (deleted[i] > 0) {
              String[] row = selected.get(i);
              destroyed.add(
                  new ExpiredKey(UUID.fromString(row[0]), row[1].substring("exemption:".length())));
            }
          }
          return destroyed;
        });
  }

  /** Re-wraps every data key under {@code newMaster}; see {@link KeyRotation}. */
  public RotationProgress rotate(Aead newMaster, String newMasterId) {
    return rotate(newMaster, newMasterId, 500, Integer.MAX_VALUE);
  }

  /** Re-wraps at most {@code maxBatches} batches, then returns; call again to continue. */
  public RotationProgress rotate(
      Aead newMaster, String newMasterId, int batchSize, int maxBatches) {
    masters.use(newMasterId, newMaster);
    return new KeyRotation(jdbi, masters, clock).run(newMasterId, batchSize, maxBatches);
  }

  public String currentMasterKeyId() {
    return masters.current().id();
  }

  static String exemptionScope(String exemption) {
    return "exemption:" + exemption;
  }

  private Optional<Aead> load(UUID owner, String scope) {
    return jdbi.withHandle(handle -> load(handle, owner, scope));
  }

  private Optional<Aead> load(Handle handle, UUID owner, String scope) {
    return handle
        .createQuery(
            "select owner_id, wrapped_keyset, master_key_id from data_key"
                + " where owner_id = :owner and scope = :scope")
        .bind("owner", owner)
        .bind("scope", scope)
        .map(
            (rs, ctx) ->
                new WrappedRow(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3)))
        .findOne()
        .map(row -> row.unwrap(masters, scope));
  }

  private boolean destroy(UUID owner, String scope) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate("delete from data_key where owner_id = :owner and scope = :scope")
                    .bind("owner", owner)
                    .bind("scope", scope)
                    .execute())
        > 0;
  }

  private void insert(Handle handle, UUID owner, String scope, KeysetHandle key, Instant expires) {
    MasterKeys.Master master = masters.current();
    handle
        .createUpdate(
            "insert into data_key (owner_id, scope, wrapped_keyset, master_key_id, created_at,"
                + " expires_at) values (:owner, :scope, :wrapped, :master, :now, :expires)")
        .bind("owner", owner)
        .bind("scope", scope)
        .bind("wrapped", DataKeys.wrap(key, master.aead(), owner, scope))
        .bind("master", master.id())
        .bind("now", clock.instant())
        .bindByType("expires", expires, Instant.class)
        .execute();
  }

  /** An exemption key that {@link #destroyExpired} destroyed. */
  public record ExpiredKey(UUID subjectId, String exemption) {}

  /** How far a rotation to {@code targetMasterId} has come. */
  public record RotationProgress(
      String targetMasterId, long rewrapped, long remaining, boolean finished) {}

  /** A subject key made and wrapped, not yet stored. */
  record PreparedKey(UUID subjectId, Aead aead, byte[] wrapped, String masterId) {}

  record WrappedRow(UUID owner, byte[] wrapped, String masterKeyId) {
    Aead unwrap(MasterKeys masters, String scope) {
      return DataKeys.primitive(DataKeys.unwrap(wrapped, masters.get(masterKeyId), owner, scope));
    }
  }
}
