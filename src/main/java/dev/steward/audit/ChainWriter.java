package dev.steward.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Appends one batch of events to the chain in one transaction: lock the head row (the single writer
 * across every node of the store), chain and insert the entries, move the head, commit. Either the
 * whole batch is durable or nothing of it is. Used by the audit log's writer thread only; not
 * thread-safe.
 *
 * <p>The writer remembers the head it last committed. While no other node has moved it, the batch
 * is chained from that head and the head row is moved with a compare-and-set update, which also
 * takes the row lock: one round trip fewer than reading the head first. When the compare fails
 * (another node appended, or this is the first batch) it falls back to reading the head under lock.
 */
final class ChainWriter {
  private static final String LOCK_HEAD =
      "select seq, hash from audit_head where id = 1 for update";
  private static final String INSERT =
      "insert into audit_entry (seq, at, actor_type, actor_id, action, object_type, object_id,"
          + " outcome, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String MOVE_HEAD = "update audit_head set seq = ?, hash = ? where id = 1";
  private static final String MOVE_HEAD_IF_UNCHANGED =
      "update audit_head set seq = ?, hash = ? where id = 1 and seq = ? and hash = ?";
  private static final int JDBC_BATCH = 1000;

  private final Jdbi jdbi;
  private final Clock clock;
  private final CanonicalForm canonical = new CanonicalForm();
  private long knownSeq = -1;
  private String knownHash;

  ChainWriter(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  List<AuditEntry> append(List<AuditEvent> events) throws SQLException {
    List<AuditEntry> entries;
    try {
      entries = jdbi.inTransaction(handle -> append(handle.getConnection(), events));
    } catch (RuntimeException e) {
      knownHash = null;
      throw e;
    }
    AuditEntry last = entries.get(entries.size() - 1);
    knownSeq = last.seq();
    knownHash = last.hash();
    return entries;
  }

  // Plain JDBC on the hot path: Jdbi's per-argument binding costs more than the insert itself.
  private List<AuditEntry> append(Connection connection, List<AuditEvent> events)
      throws SQLException {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    if (knownHash != null) {
      List<AuditEntry> entries = chain(knownSeq, knownHash, at, events);
      AuditEntry last = entries.get(entries.size() - 1);
      try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD_IF_UNCHANGED)) {
        move.setLong(1, last.seq());
        move.setString(2, last.hash());
        move.setLong(3, knownSeq);
        move.setString(4, knownHash);
        if (move.executeUpdate() == 1) {
          insert(connection, entries, at);
          return entries;
        }
      }
    }
    long seq;
    String prevHash;
    try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD);
        ResultSet head = lock.executeQuery()) {
      if (!head.next()) {
        throw new SQLException("the audit_head row is missing");
      }
      seq = head.getLong(1);
      prevHash = head.getString(2);
    }
    List<AuditEntry> entries = chain(seq, prevHash, at, events);
    insert(connection, entries, at);
    AuditEntry last = entries.get(entries.size() - 1);
    try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
      move.setLong(1, last.seq());
      move.setString(2, last.hash());
      move.executeUpdate();
    }
    return entries;
  }

  private List<AuditEntry> chain(long seq, String prevHash, Instant at, List<AuditEvent> events) {
    long atMicros = CanonicalForm.micros(at);
    byte[] prev = CanonicalForm.HEX.parseHex(prevHash);
    List<AuditEntry> entries = new ArrayList<>(events.size());
    for (AuditEvent event : events) {
      seq++;
      byte[] hash = canonical.hash(prev, seq, atMicros, event);
      AuditEntry entry = AuditEntry.of(seq, at, event, prevHash, CanonicalForm.HEX.formatHex(hash));
      entries.add(entry);
      prev = hash;
      prevHash = entry.hash();
    }
    return entries;
  }

  private static void insert(Connection connection, List<AuditEntry> entries, Instant at)
      throws SQLException {
    OffsetDateTime atColumn = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      int pending = 0;
      for (AuditEntry entry : entries) {
        bind(insert, entry, atColumn);
        insert.addBatch();
        if (++pending == JDBC_BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }

  private static void bind(PreparedStatement insert, AuditEntry entry, OffsetDateTime at)
      throws SQLException {
    insert.setLong(1, entry.seq());
    insert.setObject(2, at);
    insert.setString(3, entry.actorType());
    insert.setString(4, entry.actorId());
    insert.setString(5, entry.action());
    insert.setString(6, entry.objectType());
    insert.setString(7, entry.objectId());
    insert.setString(8, entry.outcome());
    if (entry.detail() == null) {
      insert.setNull(9, Types.VARCHAR);
    } else {
      insert.setString(9, entry.detail());
    }
    insert.setString(10, entry.prevHash());
    insert.setString(11, entry.hash());
  }
}
