package dev.steward.audit;

import dev.steward.error.StoreUnavailableException;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Walks the whole audit chain in one streaming pass and reports the first entry that was changed
 * (its hash does not match its content), deleted (a gap in the sequence, or missing after the last
 * entry that the head row or a signed checkpoint vouches for), or reordered (its prev_hash does not
 * link to the entry before it); then checks that the head row matches the last entry. Checkpoints
 * stored in the database, and optionally an exported file, must carry valid signatures under the
 * audit-signing key and match the entries they cover.
 *
 * <p>The walk reads one snapshot (repeatable read on PostgreSQL, serializable on H2), so appends by
 * running nodes do not disturb it. Thread-safe.
 */
public final class AuditVerifier {
  private static final String ENTRIES =
      "select seq, at, actor_type, actor_id, action, object_type, object_id, outcome, detail,"
          + " prev_hash, hash from audit_entry order by seq";
  private static final int FETCH_SIZE = 2000;

  private final Database database;
  private final AuditCheckpoints checkpoints;
  private final AuditWitness witness;

  public AuditVerifier(Database database, AuditCheckpoints checkpoints) {
    this(database, checkpoints, null);
  }

  /** A verifier that also holds the chain to the head {@code witness} keeps in the keyring. */
  public AuditVerifier(Database database, AuditCheckpoints checkpoints, AuditWitness witness) {
    this.database = database;
    this.checkpoints = checkpoints;
    this.witness = witness;
  }

  public AuditVerification verify() {
    return verify(List.of());
  }

  /**
   * Verifies, also holding the chain to the checkpoints exported to {@code exportedCheckpoints}.
   */
  public AuditVerification verify(Path exportedCheckpoints) {
    return verify(AuditCheckpoints.read(exportedCheckpoints));
  }

  private AuditVerification verify(List<AuditCheckpoint> exported) {
    List<AuditCheckpoint> all = new ArrayList<>(checkpoints.stored());
    all.addAll(exported);
    TreeMap<Long, List<String>> signed = new TreeMap<>();
    AuditVerification forged = null;
    for (AuditCheckpoint checkpoint : all) {
      String problem = checkpoints.problemWith(checkpoint);
      if (problem == null) {
        signed.computeIfAbsent(checkpoint.seq(), seq -> new ArrayList<>()).add(checkpoint.hash());
      } else {
        long seq = checkpoint.seq();
        forged = AuditVerification.broken(seq - 1, seq, problem).earliest(forged);
      }
    }
    AuditCheckpoint witnessed = null;
    if (witness != null) {
      // Read before the chain's snapshot: a head witnessed later may be beyond it.
      AuditCheckpoint head = witness.read().orElse(null);
      String problem = head == null ? null : checkpoints.problemWith(head);
      if (problem == null) {
        witnessed = head;
      } else {
        forged =
            AuditVerification.broken(
                    head.seq() - 1, head.seq(), problem.replace("checkpoint", "head witness"))
                .earliest(forged);
      }
    }
    AuditCheckpoint head = witnessed;
    try {
      AuditVerification chain =
          database
              .jdbi()
              .inTransaction(
                  snapshotIsolation(), handle -> walk(handle.getConnection(), signed, head));
      return chain.earliest(forged);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the audit chain: " + e.getMessage(), e);
    }
  }

  private AuditVerification walk(
      Connection connection, TreeMap<Long, List<String>> signed, AuditCheckpoint witnessed)
      throws SQLException {
    if (witnessed != null) {
      signed.computeIfAbsent(witnessed.seq(), seq -> new ArrayList<>()).add(witnessed.hash());
    }
    long headSeq;
    String headHash;
    try (Statement statement = connection.createStatement();
        ResultSet head = statement.executeQuery("select seq, hash from audit_head where id = 1")) {
      head.next();
      headSeq = head.getLong(1);
      headHash = head.getString(2);
    }
    CanonicalForm canonical = new CanonicalForm();
    Map.Entry<Long, List<String>> nextSigned = signed.firstEntry();
    long seq = 0;
    String prevHash = CanonicalForm.GENESIS_HASH;
    byte[] prev = new byte[32];
    streamLazily(connection, true);
    try (PreparedStatement select = connection.prepareStatement(ENTRIES)) {
      select.setFetchSize(FETCH_SIZE);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long expected = seq + 1;
          long stored = rows.getLong(1);
          if (stored != expected) {
            return broken(expected, "deleted: the next stored entry is " + stored);
          }
          if (!prevHash.equals(rows.getString(10))) {
            return broken(
                expected,
                "its prev_hash does not match the hash of entry "
                    + seq
                    + ": entries were deleted, inserted or reordered");
          }
          byte[] hash =
              canonical.hash(
                  prev,
                  stored,
                  CanonicalForm.micros(rows.getObject(2, OffsetDateTime.class).toInstant()),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getString(7),
                  rows.getString(8),
                  rows.getString(9));
          String hex = CanonicalForm.HEX.formatHex(hash);
          if (!hex.equals(rows.getString(11))) {
            return broken(expected, "changed: its hash does not match its content");
          }
          if (nextSigned != null && nextSigned.getKey() == stored) {
            if (nextSigned.getValue().stream().anyMatch(h -> !h.equals(hex))) {
              return broken(
                  expected, "differs from its signed checkpoint: the chain was rewritten");
            }
            nextSigned = signed.higherEntry(stored);
          }
          seq = stored;
          prev = hash;
          prevHash = hex;
        }
      }
    } finally {
      streamLazily(connection, false);
    }
    if (witnessed != null && witnessed.seq() > seq) {
      return broken(
          seq + 1,
          "deleted: the chain ends at entry "
              + seq
              + " but its head was entry "
              + witnessed.seq()
              + " at "
              + witnessed.signedAt()
              + ", as witnessed in the keyring: entries were cut from the end");
    }
    return checkEnd(seq, prevHash, headSeq, headHash, signed);
  }

  private static AuditVerification checkEnd(
      long last,
      String lastHash,
      long headSeq,
      String headHash,
      TreeMap<Long, List<String>> signed) {
    if (!signed.isEmpty() && signed.lastKey() > last) {
      return broken(
          last + 1,
          "deleted: a signed checkpoint covers entry "
              + signed.lastKey()
              + " but the chain ends at entry "
              + last);
    }
    if (headSeq > last) {
      return broken(
          last + 1,
          "deleted: the head row records "
              + headSeq
              + " entries but the chain ends at entry "
              + last);
    }
    if (headSeq < last) {
      return broken(
          headSeq + 1,
          "the head row records only " + headSeq + " entries (head row changed or rewound)");
    }
    if (!lastHash.equals(headHash)) {
      return broken(last, "the head row's hash does not match this entry (head row changed)");
    }
    return AuditVerification.ok(last);
  }

  private static AuditVerification broken(long seq, String reason) {
    return AuditVerification.broken(Math.max(0, seq - 1), seq, reason);
  }

  // PostgreSQL's repeatable read is a snapshot; H2's lets rows committed meanwhile appear,
  // and only its serializable level reads one snapshot.
  private TransactionIsolationLevel snapshotIsolation() {
    return database.engine() == Engine.H2
        ? TransactionIsolationLevel.SERIALIZABLE
        : TransactionIsolationLevel.REPEATABLE_READ;
  }

  // H2 materialises a whole result before returning it unless lazy execution is on.
  private void streamLazily(Connection connection, boolean lazy) throws SQLException {
    if (database.engine() == Engine.H2) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("set lazy_query_execution " + lazy);
      }
    }
  }
}
