package dev.steward.vault;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** SQL for subjects, their identity hashes, merges and tombstones. Callers own the transaction. */
final class SubjectRows {
  private static final int MAX_MERGE_HOPS = 32;
  // Ids per IN list: well under every engine's limit on bound parameters.
  private static final int IN_CHUNK = 1000;

  private SubjectRows() {}

  record Row(
      UUID id, String type, LocalDate start, LocalDate end, Boolean under13, Instant createdAt) {}

  static void insert(Handle handle, UUID id, Row row) {
    handle
        .createUpdate(
            "insert into vault_subject (id, subject_type, relationship_start, relationship_end,"
                + " under_13, created_at) values (:id, :type, :start, :end, :under13, :at)")
        .bind("id", id)
        .bind("type", row.type())
        .bindByType("start", row.start(), LocalDate.class)
        .bindByType("end", row.end(), LocalDate.class)
        .bindByType("under13", row.under13(), Boolean.class)
        .bind("at", row.createdAt())
        .execute();
  }

  /**
   * Of {@code ids}, those of subjects stored and neither erased nor being erased, by their own id
   * (a merged subject's id is not followed); with {@code lock}, their rows are locked for update.
   * One query pair per thousand ids.
   */
  static Set<UUID> liveAmong(Handle handle, Collection<UUID> ids, boolean lock) {
    List<UUID> all = List.copyOf(ids);
    Set<UUID> live = new HashSet<>();
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      handle
          .createQuery(
              "select id from vault_subject where id in (<ids>)" + (lock ? " for update" : ""))
          .bindList("ids", chunk)
          .mapTo(UUID.class)
          .forEach(live::add);
      handle
          .createQuery("select subject_id from vault_tombstone where subject_id in (<ids>)")
          .bindList("ids", chunk)
          .mapTo(UUID.class)
          .forEach(live::remove);
    }
    return live;
  }

  static Optional<Row> live(Handle handle, UUID id) {
    return find(handle, id, "");
  }

  /**
   * The live subject for {@code id}, following merges to the survivor, locked for update until the
   * transaction ends; empty when it never existed, was erased or is being erased.
   */
  static Optional<Row> locked(Handle handle, UUID id) {
    return find(handle, id, " for update");
  }

  private static Optional<Row> find(Handle handle, UUID id, String lock) {
    UUID current = id;
    for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      Optional<Row> row =
          handle
              .createQuery(
                  "select id, subject_type, relationship_start, relationship_end, under_13,"
                      + " created_at from vault_subject where id = :id"
                      + lock)
              .bind("id", current)
              .map(
                  (rs, ctx) ->
                      new Row(
                          rs.getObject(1, UUID.class),
                          rs.getString(2),
                          rs.getObject(3, LocalDate.class),
                          rs.getObject(4, LocalDate.class),
                          rs.getObject(5, Boolean.class),
                          rs.getObject(6, OffsetDateTime.class).toInstant()))
              .findOne();
      if (row.isPresent()) {
        return tombstone(handle, current).isPresent() ? Optional.empty() : row;
      }
      Optional<UUID> survivor =
          handle
              .createQuery("select survivor_id from vault_subject_merge where merged_id = :id")
              .bind("id", current)
              .mapTo(UUID.class)
              .findOne();
      if (survivor.isEmpty()) {
        return Optional.empty();
      }
      current = survivor.get();
    }
    return Optional.empty();
  }

  static void update(Handle handle, Row row) {
    handle
        .createUpdate(
            "update vault_subject set relationship_start = :start, relationship_end = :end,"
                + " under_13 = :under13 where id = :id")
        .bindByType("start", row.start(), LocalDate.class)
        .bindByType("end", row.end(), LocalDate.class)
        .bindByType("under13", row.under13(), Boolean.class)
        .bind("id", row.id())
        .execute();
  }

  /** Who holds an identity that identifies one person, and by what proof. */
  record Holding(UUID subjectId, IdentityProof proof) {}

  /** The one holder of an identity that identifies one person; empty for shared kinds. */
  static Optional<Holding> holderOf(Handle handle, String hash) {
    return handle
        .createQuery("select subject_id, proof from vault_identity where holder_hash = :hash")
        .bind("hash", hash)
        .map(
            (rs, ctx) ->
                new Holding(rs.getObject(1, UUID.class), IdentityProof.parse(rs.getString(2))))
        .findOne();
  }

  /** Every subject that holds the hash, of either kind, oldest first. */
  static List<UUID> holdersOf(Handle handle, String hash) {
    return handle
        .createQuery(
            "select subject_id from vault_identity where hash = :hash order by added_at, subject_id")
        .bind("hash", hash)
        .mapTo(UUID.class)
        .list();
  }

  static boolean holds(Handle handle, String hash, UUID subjectId) {
    return handle
            .createQuery(
                "select count(*) from vault_identity where hash = :hash and subject_id = :id")
            .bind("hash", hash)
            .bind("id", subjectId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /**
   * True when the subject holds an identity by proof: from then on its merely asserted identities
   * no longer lead to it (docs/vault.md, "Linking").
   */
  static boolean isConfirmed(Handle handle, UUID subjectId) {
    return handle
            .createQuery(
                "select count(*) from vault_identity where subject_id = :id and proof <> 'asserted'")
            .bind("id", subjectId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  static void insertIdentity(
      Handle handle,
      String hash,
      UUID subjectId,
      IdentityType type,
      IdentityProof proof,
      Instant at) {
    handle
        .createUpdate(
            "insert into vault_identity"
                + " (hash, subject_id, identity_type, proof, holder_hash, added_at)"
                + " values (:hash, :subject, :type, :proof, :holder, :at)")
        .bind("hash", hash)
        .bind("subject", subjectId)
        .bind("type", type.id())
        .bind("proof", proof.id())
        .bind("holder", type.identifiesOnePerson() ? hash : null)
        .bind("at", at)
        .execute();
  }

  /** Raises the proof by which the subject holds the hash; never lowers it. */
  static void prove(Handle handle, String hash, UUID subjectId, IdentityProof proof) {
    if (!proof.proves()) {
      return;
    }
    handle
        .createUpdate(
            "update vault_identity set proof = :proof"
                + " where hash = :hash and subject_id = :subject and proof = 'asserted'")
        .bind("proof", proof.id())
        .bind("hash", hash)
        .bind("subject", subjectId)
        .execute();
  }

  /**
   * Moves every identity of {@code from} to {@code to}; a shared one (a name, say) both hold stays
   * once. Identities that identify one person have one holder, so they never collide. Returns how
   * many moved.
   */
  static int moveIdentities(Handle handle, UUID from, UUID to) {
    handle
        .createUpdate(
            "delete from vault_identity where subject_id = :from"
                + " and hash in (select hash from vault_identity where subject_id = :to)")
        .bind("to", to)
        .bind("from", from)
        .execute();
    return handle
        .createUpdate("update vault_identity set subject_id = :to where subject_id = :from")
        .bind("to", to)
        .bind("from", from)
        .execute();
  }

  static List<Subject.IdentityRef> identities(Handle handle, UUID subjectId) {
    return handle
        .createQuery(
            "select identity_type, hash, proof from vault_identity where subject_id = :id"
                + " order by identity_type, hash")
        .bind("id", subjectId)
        .map(
            (rs, ctx) -> new Subject.IdentityRef(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** The most recent erasure of a subject that had this identity hash. */
  static Optional<IdentityMatch.Erased> erasedWith(Handle handle, String hash) {
    return handle
        .createQuery(
            "select t.subject_id, t.erased_at, t.request_id from vault_tombstone_identity i"
                + " join vault_tombstone t on t.subject_id = i.subject_id"
                + " where i.hash = :hash order by t.erased_at desc limit 1")
        .bind("hash", hash)
        .map(
            (rs, ctx) ->
                new IdentityMatch.Erased(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    rs.getString(3)))
        .findOne();
  }

  static Optional<Tombstone> tombstone(Handle handle, UUID subjectId) {
    return handle
        .createQuery(
            "select subject_id, erased_at, reason, request_id, completed_at from vault_tombstone"
                + " where subject_id = :id")
        .bind("id", subjectId)
        .map(
            (rs, ctx) -> {
              OffsetDateTime completed = rs.getObject(5, OffsetDateTime.class);
              return new Tombstone(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, OffsetDateTime.class).toInstant(),
                  rs.getString(3),
                  rs.getString(4),
                  completed == null ? null : completed.toInstant());
            })
        .findOne();
  }
}
