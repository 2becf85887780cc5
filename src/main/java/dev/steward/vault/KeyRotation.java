package dev.steward.vault;

import dev.steward.vault.Keyring.RotationProgress;
import dev.steward.vault.Keyring.WrappedRow;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of re-wrapping data keys under a new master key. Keys are visited in (owner, scope) order
 * in batches; each batch and the checkpoint row in {@code key_rotation} commit together, so an
 * interrupted run resumes after the last batch it finished. Values encrypted under the data keys
 * are never touched. A pass that reaches the end starts over while keys wrapped under another
 * master remain (nodes that kept wrapping with the old key during the rotation).
 */
final class KeyRotation {
  private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

  private final Jdbi jdbi;
  private final MasterKeys masters;
  private final Clock clock;

  KeyRotation(Jdbi jdbi, MasterKeys masters, Clock clock) {
    this.jdbi = jdbi;
    this.masters = masters;
    this.clock = clock;
  }

  RotationProgress run(String target, int batchSize, int maxBatches) {
    Checkpoint checkpoint = jdbi.inTransaction(handle -> start(handle, target));
    for (int batch = 0; batch < maxBatches; batch++) {
      Checkpoint from = checkpoint;
      Optional<Checkpoint> next =
          jdbi.inTransaction(handle -> rewrapBatch(handle, from, batchSize));
      if (next.isPresent()) {
        checkpoint = next.get();
        continue;
      }
      if (remaining(target) == 0) {
        jdbi.useHandle(
            handle ->
                handle
                    .createUpdate(
                        "update key_rotation set finished_at = :now where target_master_id = :t")
                    .bind("now", clock.instant())
                    .bind("t", target)
                    .execute());
        LOG.info(
            "key rotation to master key {} finished: {} keys re-wrapped",
            target,
            checkpoint.rewrapped);
        return new RotationProgress(target, checkpoint.rewrapped, 0, true);
      }
      checkpoint = new Checkpoint(target, null, null, checkpoint.rewrapped);
    }
    long remaining = remaining(target);
    LOG.info(
        "key rotation to master key {} paused: {} re-wrapped, {} to go",
        target,
        checkpoint.rewrapped,
        remaining);
    return new RotationProgress(target, checkpoint.rewrapped, remaining, false);
  }

  private Checkpoint start(Handle handle, String target) {
    Optional<Checkpoint> saved =
        handle
            .createQuery(
                "select last_owner_id, last_scope, rewrapped from key_rotation where target_master_id = :t")
            .bind("t", target)
            .map(
                (rs, ctx) ->
                    new Checkpoint(
                        target, rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
            .findOne();
    if (saved.isPresent()) {
      return saved.get();
    }
    handle
        .createUpdate(
            "insert into key_rotation (target_master_id, started_at, rewrapped) values (:t, :now, 0)")
        .bind("t", target)
        .bind("now", clock.instant())
        .execute();
    return new Checkpoint(target, null, null, 0);
  }

  /** Re-wraps the next batch after the checkpoint; empty when none is left in this pass. */
  private Optional<Checkpoint> rewrapBatch(Handle handle, Checkpoint from, int batchSize) {
    String after = from.lastOwner == null ? "" : " and (owner_id, scope) > (:owner, :scope)";
    var query =
        handle
            .createQuery(
                "select owner_id, scope, wrapped_keyset, master_key_id from data_key"
                    + " where master_key_id <> :t"
                    + after
                    + " order by owner_id, scope limit :limit")
            .bind("t", from.target)
            .bind("limit", batchSize);
    if (from.lastOwner != null) {
      query.bind("owner", from.lastOwner).bind("scope", from.lastScope);
    }
    List<ScopedRow> rows =
        query
            .map(
                (rs, ctx) ->
                    new ScopedRow(
                        rs.getString(2),
                        new WrappedRow(
                            rs.getObject(1, UUID.class), rs.getBytes(3), rs.getString(4))))
            .list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    MasterKeys.Master target = masters.current();
    var update =
        handle.prepareBatch(
            "update data_key set wrapped_keyset = :wrapped, master_key_id = :t"
                + " where owner_id = :owner and scope = :scope and master_key_id = :old");
    for (ScopedRow row : rows) {
      var key =
          DataKeys.unwrap(
              row.key.wrapped(), masters.get(row.key.masterKeyId()), row.key.owner(), row.scope);
      update
          .bind("wrapped", DataKeys.wrap(key, target.aead(), row.key.owner(), row.scope))
          .bind("t", target.id())
          .bind("owner", row.key.owner())
          .bind("scope", row.scope)
          .bind("old", row.key.masterKeyId())
          .add();
    }
    update.execute();
    ScopedRow last = rows.get(rows.size() - 1);
    Checkpoint next =
        new Checkpoint(from.target, last.key.owner(), last.scope, from.rewrapped + rows.size());
    handle
        .createUpdate(
            "update key_rotation set last_owner_id = :owner, last_scope = :scope, rewrapped = :n"
                + " where target_master_id = :t")
        .bind("owner", next.lastOwner)
        .bind("scope", next.lastScope)
        .bind("n", next.rewrapped)
        .bind("t", next.target)
        .execute();
    return Optional.of(next);
  }

  private long remaining(String target) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("select count(*) from data_key where master_key_id <> :t")
                .bind("t", target)
                .mapTo(Long.class)
                .one());
  }

  private record ScopedRow(String scope, WrappedRow key) {}

  private record Checkpoint(String target, UUID lastOwner, String lastScope, long rewrapped) {}
}
