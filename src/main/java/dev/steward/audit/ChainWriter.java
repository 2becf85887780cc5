package dev.steward.audit;

import dev.steward.store.Engine;
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
 * whole batch is durable or nothing of it is. A batch may also take the events staged in {@code
 * audit_staged} by committed transactions (any node's): they are chained first, in the order of
 * their ids and with the time they were recorded, and deleted in the same transaction, so each is
 * chained exactly once. Used by the audit log's writer thread only; not thread-safe.
 *
 * <p>The writer remembers the head it last committed. While no other node has moved it, the batch
 * is chained from that head and the head row is moved with a compare-and-set update, which also
 * takes the row lock: one round trip fewer than reading the head first. When the compare fails
 * (another node appended, or this is the first batch) it falls back to reading the head under lock.
 *
 * <p>On PostgreSQL that compare-and-set and the inserts are one statement, sent outside an explicit
 * transaction: one round trip, whose answer comes after the commit is flushed. The writer's batch
 * is bounded by the callers waiting on it, so the batch rate, and with it the entries per second,
 * is set by how long one batch takes; round trips are most of that on a busy machine.
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
  // The compare-and-set and the inserts in one statement: it inserts nothing unless the head moved.
  private static final String APPEND_IF_UNCHANGED =
      "with moved as (update audit_head set seq = ?, hash = ? where id = 1 and seq = ? and hash = ?"
          + " returning id) insert into audit_entry (seq, at, actor_type, actor_id, action,"
          + " object_type, object_id, outcome, detail, prev_hash, hash) select e.seq,"
          + " cast(e.at as timestamp with time zone), e.actor_type, e.actor_id, e.action,"
          + " e.object_type, e.object_id, e.outcome, e.detail, e.prev_hash, e.hash from unnest("
          + "cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
          + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
          + " cast(? as text[]), cast(? as text[]), cast(? as text[])) as e(seq, at, actor_type,"
          + " actor_id, action, object_type, object_id, outcome, detail, prev_hash, hash)"
          + " where exists (select 1 from moved)";
  // One statement carries at most this many entries; larger batches take the transaction path.
  private static final int ONE_STATEMENT_MAX = 1000;
  private static final int JDBC_BATCH = 1000;
  static final int STAGED_PER_BATCH = 4096;
  private static final String STAGED =
      "select id, at, actor_type, actor_id, action, object_type, object_id, outcome, detail"
          + " from audit_staged order by id";

  /**
   * What one transaction chained: the entries of the direct events, the staged ids taken, and the
   * chain's new last entry (null when nothing was chained).
   */
  record Appended(List<AuditEntry> direct, List<Long> staged, AuditEntry last) {}

  private record Timed(Instant at, AuditEvent event) {}

  private final Jdbi jdbi;
  private final boolean oneStatement;
  private final Clock clock;
  private final CanonicalForm canonical = new CanonicalForm();
  private long knownSeq = -1;
  private String knownHash;

  ChainWriter(Jdbi jdbi, Engine engine, Clock clock) {
    this.jdbi = jdbi;
    this.oneStatement = engine == Engine.POSTGRESQL;
    this.clock = clock;
  }

  List<AuditEntry> append(List<AuditEvent> events) throws SQLException {
    return append(events, false).direct();
  }

  /**
   * Chains {@code events} and, with {@code withStaged}, up to a batch of staged events before them;
   * a call with neither chains nothing.
   */
  Appended append(List<AuditEvent> events, boolean withStaged) throws SQLException {
    Appended appended;
    try {
      if (oneStatement
          && !withStaged
          && knownHash != null
          && !events.isEmpty()
          && events.size() <= ONE_STATEMENT_MAX) {
        appended = jdbi.withHandle(handle -> appendIfUnchanged(handle.getConnection(), events));
        if (appended != null) {
          return appended;
        }
      }
      appended = jdbi.inTransaction(handle -> append(handle.getConnection(), events, withStaged));
    } catch (RuntimeException e) {
      knownHash = null;
      throw e;
    }
    return appended;
  }

  /**
   * Chains {@code events} from the head this writer last committed, in one auto-committed
   * statement; null, with nothing written, when another node has moved the head since.
   */
  private Appended appendIfUnchanged(Connection connection, List<AuditEvent> events)
      throws SQLException {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<Timed> timed = new ArrayList<>(events.size());
    events.forEach(event -> timed.add(new Timed(at, event)));
    List<AuditEntry> entries = chain(knownSeq, knownHash, timed);
    AuditEntry last = entries.get(entries.size() - 1);
    int n = entries.size();
    Long[] seqs = new Long[n];
    String[][] text = new String[10][n];
    for (int i = 0; i < n; i++) {
      AuditEntry entry = entries.get(i);
      seqs[i] = entry.seq();
      text[0][i] = entry.at().toString();
      text[1][i] = entry.actorType();
      text[2][i] = entry.actorId();
      text[3][i] = entry.action();
      text[4][i] = entry.objectType();
      text[5][i] = entry.objectId();
      text[6][i] = entry.outcome();
      text[7][i] = entry.detail();
      text[8][i] = entry.prevHash();
      text[9][i] = entry.hash();
    }
    int inserted;
    try (PreparedStatement append = connection.prepareStatement(APPEND_IF_UNCHANGED)) {
      append.setLong(1, last.seq());
      append.setString(2, last.hash());
      append.setLong(3, knownSeq);
      append.setString(4, knownHash);
      append.setArray(5, connection.createArrayOf("bigint", seqs));
      for (int column = 0; column < text.length; column++) {
        append.setArray(6 + column, connection.createArrayOf("text", text[column]));
      }
      inserted = append.executeUpdate();
    }
    if (inserted == 0) {
      return null; // the head moved: nothing was written; chain from the head read under lock
    }
    remember(last);
    return new Appended(entries, List.of(), last);
  }

  // Plain JDBC on the hot path: Jdbi's per-argument binding costs more than the insert itself.
  private Appended append(Connection connection, List<AuditEvent> events, boolean withStaged)
      throws SQLException {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<Timed> direct = new ArrayList<>(events.size());
    events.forEach(event -> direct.add(new Timed(at, event)));
    // A look without a lock first: an idle writer's sweep must not take the head's lock for
    // nothing.
    boolean staged = withStaged && anyStaged(connection);
    if (!staged && direct.isEmpty()) {
      return new Appended(List.of(), List.of(), null);
    }
    if (!staged && knownHash != null) {
      List<AuditEntry> entries = chain(knownSeq, knownHash, direct);
      AuditEntry last = entries.get(entries.size() - 1);
      try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD_IF_UNCHANGED)) {
        move.setLong(1, last.seq());
        move.setString(2, last.hash());
        move.setLong(3, knownSeq);
        move.setString(4, knownHash);
        if (move.executeUpdate() == 1) {
          insert(connection, entries);
          remember(last);
          return new Appended(entries, List.of(), last);
        }
      }
    }
    long seq;
    String prevHash;
    // The head's lock comes first: a writer on another node that waited for it then finds the
    // staged events this one chained already deleted.
    try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD);
        ResultSet head = lock.executeQuery()) {
      if (!head.next()) {
        throw new SQLException("the audit_head row is missing");
      }
      seq = head.getLong(1);
      prevHash = head.getString(2);
    }
    List<Long> stagedIds = new ArrayList<>();
    List<Timed> timed = new ArrayList<>();
    if (staged) {
      timed.addAll(staged(connection, stagedIds));
    }
    timed.addAll(direct);
    if (timed.isEmpty()) {
      return new Appended(List.of(), List.of(), null);
    }
    List<AuditEntry> entries = chain(seq, prevHash, timed);
    insert(connection, entries);
    deleteStaged(connection, stagedIds);
    AuditEntry last = entries.get(entries.size() - 1);
    try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
      move.setLong(1, last.seq());
      move.setString(2, last.hash());
      move.executeUpdate();
    }
    remember(last);
    return new Appended(
        List.copyOf(entries.subList(entries.size() - direct.size(), entries.size())),
        stagedIds,
        last);
  }

  /** Remembered when the transaction commits; a failed one forgets (see {@link #append}). */
  private void remember(AuditEntry last) {
    knownSeq = last.seq();
    knownHash = last.hash();
  }

  private static boolean anyStaged(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("select id from audit_staged");
        ResultSet rows = limitOne(select).executeQuery()) {
      return rows.next();
    }
  }

  private static PreparedStatement limitOne(PreparedStatement statement) throws SQLException {
    statement.setMaxRows(1);
    return statement;
  }

  private static List<Timed> staged(Connection connection, List<Long> ids) throws SQLException {
    List<Timed> staged = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(STAGED)) {
      select.setMaxRows(STAGED_PER_BATCH);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
          Instant at =
              rows.getObject(2, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MICROS);
          staged.add(
              new Timed(
                  at,
                  new AuditEvent(
                      rows.getString(3),
                      rows.getString(4),
                      rows.getString(5),
                      rows.getString(6),
                      rows.getString(7),
                      rows.getString(8),
                      rows.getString(9))));
        }
      }
    }
    return staged;
  }

  private static void deleteStaged(Connection connection, List<Long> ids) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("delete from audit_staged where id = ?")) {
      int pending = 0;
      for (long id : ids) {
        delete.setLong(1, id);
        delete.addBatch();
        if (++pending == JDBC_BATCH) {
          delete.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        delete.executeBatch();
      }
    }
  }

  private List<AuditEntry> chain(long seq, String prevHash, List<Timed> events) {
    byte[] prev = CanonicalForm.HEX.parseHex(prevHash);
    List<AuditEntry> entries = new ArrayList<>(events.size());
    for (Timed timed : events) {
      seq++;
      byte[] hash = canonical.hash(prev, seq, CanonicalForm.micros(timed.at()), timed.event());
      AuditEntry entry =
          AuditEntry.of(
              seq, timed.at(), timed.event(), prevHash, CanonicalForm.HEX.formatHex(hash));
      entries.add(entry);
      prev = hash;
      prevHash = entry.hash();
    }
    return entries;
  }

  private static void insert(Connection connection, List<AuditEntry> entries) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      int pending = 0;
      for (AuditEntry entry : entries) {
        bind(insert, entry, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
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
