package dev.steward.connector.sql;

import dev.steward.connector.ConnectorProblems;
import dev.steward.error.StewardException;
import dev.steward.fulfilment.Correction;
import dev.steward.fulfilment.DataItem;
import dev.steward.fulfilment.DataSystem;
import dev.steward.fulfilment.ErasureScope;
import dev.steward.fulfilment.Operation;
import dev.steward.fulfilment.SubjectRef;
import dev.steward.fulfilment.SystemResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SQL database reached over JDBC (PostgreSQL, MariaDB/MySQL, H2) as a {@link DataSystem}, as its
 * dataset description says (docs/connectors.md). Access reads the person's rows (found through the
 * request's identities and the relations the description follows) as items of each column's
 * category; erasure deletes, updates or keeps each table's rows, children before parents, in one
 * transaction, with a dry run that rolls it back; rectification and restriction reach the same
 * rows; retention deletes rows older than a cut-off where a table names its timestamp.
 *
 * <p>Every operation opens its own connection and checks the description against the live schema on
 * first use. A database that cannot be reached throws {@link Unreachable}, whose message (no
 * values) becomes the task's last error while fulfilment retries with backoff. Evidence holds
 * counts per table and keyed hashes of row keys, never values. Every operation is idempotent: what
 * an erasure changed is no longer found, so a second run changes nothing and reports 0.
 * Thread-safe.
 */
public final class SqlSystem implements DataSystem {
  /** What a masked column holds after erasure. */
  static final String MASK = "***";

  private final String id;
  private final Dataset dataset;
  private final SqlSource source;
  private final Hasher hasher;
  private volatile LiveSchema schema;

  SqlSystem(String id, Dataset dataset, SqlSource source, Hasher hasher) {
    this.id = id;
    this.dataset = dataset;
    this.source = source;
    this.hasher = hasher;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Set<Operation> capabilities() {
    Set<Operation> operations = EnumSet.of(Operation.ACCESS, Operation.ERASE, Operation.RECTIFY);
    if (dataset.tables().stream().anyMatch(t -> t.restrictColumn() != null)) {
      operations.add(Operation.RESTRICT);
    }
    if (dataset.tables().stream().anyMatch(t -> t.timestamp() != null)) {
      operations.add(Operation.DELETE_BY_AGE);
    }
    return operations;
  }

  /**
   * Checks the description against the database now; a database that cannot be reached is checked
   * again before the first operation.
   *
   * @return false when the database could not be reached
   */
  boolean checkNow() {
    try (Connection connection = source.connect()) {
      schema(connection);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public SystemResult access(SubjectRef subject) {
    return withConnection(
        false,
        connection -> {
          LiveSchema live = schema(connection);
          var found = new Rows(dataset, live).of(connection, subject);
          List<DataItem> items = new ArrayList<>();
          Map<String, Integer> counts = new LinkedHashMap<>();
          for (Dataset.Table table : dataset.tables()) {
            var rows = found.get(table.name());
            counts.put(table.name(), rows.size());
            for (var row : rows.entrySet()) {
              Instant collected =
                  table.timestamp() == null
                      ? null
                      : Instants.of(row.getValue().get(table.timestamp()));
              for (Dataset.Column column : table.columns()) {
                Object value = row.getValue().get(column.name());
                if (value != null) {
                  items.add(
                      new DataItem(
                          id,
                          ItemIds.of(table.name(), column.name(), row.getKey()),
                          column.category(),
                          "unstated",
                          Set.of(),
                          null,
                          collected,
                          text(value)));
                }
              }
            }
          }
          return new SystemResult("read", counts, List.of(), List.of(), items);
        });
  }

  @Override
  public SystemResult erase(SubjectRef subject, ErasureScope scope) {
    return new Erasure(id, dataset, hasher).run(this, subject, scope, false);
  }

  /** What {@link #erase} would change, counted the same way, with nothing changed. */
  public SystemResult eraseDryRun(SubjectRef subject, ErasureScope scope) {
    return new Erasure(id, dataset, hasher).run(this, subject, scope, true);
  }

  @Override
  public SystemResult rectify(SubjectRef subject, List<Correction> corrections) {
    return withConnection(
        true,
        connection -> {
          LiveSchema live = schema(connection);
          var found = new Rows(dataset, live).of(connection, subject);
          List<String> done = new ArrayList<>();
          for (Correction correction : corrections) {
            ItemIds.Parsed item = ItemIds.parse(correction.itemId()).orElse(null);
            if (item == null || !found.containsKey(item.table())) {
              continue;
            }
            Dataset.Table table = dataset.table(item.table()).orElseThrow();
            boolean declared =
                table.columns().stream().anyMatch(c -> c.name().equals(item.column()));
            List<Object> key = matchKey(found.get(item.table()).keySet(), item.key());
            if (!declared || key == null) {
              continue; // not this system's item, or not the person's row
            }
            Statements.update(
                connection, live, table, Map.of(item.column(), correction.value()), key);
            done.add(hasher.rowId(table.name(), key));
          }
          return SystemResult.done("rectified", Map.of("rectified", done.size()), done);
        });
  }

  @Override
  public SystemResult restrict(SubjectRef subject, boolean restricted) {
    return withConnection(
        true,
        connection -> {
          LiveSchema live = schema(connection);
          var found = new Rows(dataset, live).of(connection, subject);
          Map<String, Integer> counts = new LinkedHashMap<>();
          List<String> ids = new ArrayList<>();
          for (Dataset.Table table : dataset.tables()) {
            if (table.restrictColumn() == null) {
              continue;
            }
            int changed = 0;
            for (List<Object> key : found.get(table.name()).keySet()) {
              changed +=
                  Statements.setFlag(
                      connection, live, table, table.restrictColumn(), restricted, key);
              ids.add(hasher.rowId(table.name(), key));
            }
            counts.put(table.name(), changed);
          }
          return SystemResult.done(restricted ? "restricted" : "restriction lifted", counts, ids);
        });
  }

  @Override
  public SystemResult deleteOlderThan(String category, Instant cutoff) {
    return withConnection(
        true,
        connection -> {
          LiveSchema live = schema(connection);
          Map<String, Integer> counts = new LinkedHashMap<>();
          List<Dataset.Table> reversed = new ArrayList<>(dataset.tables());
          java.util.Collections.reverse(reversed);
          for (Dataset.Table table : reversed) {
            if (table.timestamp() != null
                && table.erasure() != Dataset.TableErasure.KEEP
                && table.columns().stream().anyMatch(c -> covers(category, c.category()))) {
              counts.put(
                  table.name(), Statements.olderThan(connection, live, table, category, cutoff));
            }
          }
          return SystemResult.done("deleted older than cut-off", counts, List.of());
        });
  }

  static boolean covers(String category, String columnCategory) {
    return columnCategory.equals(category) || columnCategory.startsWith(category + ".");
  }

  private static List<Object> matchKey(Set<List<Object>> keys, List<String> wanted) {
    for (List<Object> key : keys) {
      List<String> texts = key.stream().map(SqlSystem::text).toList();
      if (texts.equals(wanted)) {
        return key;
      }
    }
    return null;
  }

  static String text(Object value) {
    if (value instanceof byte[] bytes) {
      return java.util.Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().toString();
    }
    return String.valueOf(value);
  }

  LiveSchema schema(Connection connection) throws SQLException {
    LiveSchema live = schema;
    if (live == null) {
      ConnectorProblems problems = new ConnectorProblems();
      live = LiveSchema.check(connection, source.schema(), dataset, problems);
      problems.throwIfAny("system " + id + " does not match its dataset description");
      schema = live;
    }
    return live;
  }

  /** Work on one connection; {@code write} runs it in one transaction. */
  <T> T withConnection(boolean write, Work<T> work) {
    return withConnection(write, false, work);
  }

  /** Work in one transaction, rolled back instead of committed when {@code rollback}. */
  <T> T withConnection(boolean write, boolean rollback, Work<T> work) {
    try (Connection connection = source.connect()) {
      if (!write) {
        connection.setReadOnly(true);
        return work.on(connection);
      }
      connection.setAutoCommit(false);
      try {
        T result = work.on(connection);
        if (rollback) {
          connection.rollback();
        } else {
          connection.commit();
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      }
    } catch (SQLException e) {
      throw new Unreachable(id, e);
    }
  }

  static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is gone; the database rolls the transaction back itself
    }
  }

  @FunctionalInterface
  interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  /**
   * The database could not be reached or refused the work. The message names the system and the
   * SQLSTATE, never a value (a driver's own message may quote one), so it can be shown to staff as
   * the task's last error while fulfilment retries.
   */
  public static final class Unreachable extends StewardException {
    private static final long serialVersionUID = 1L;

    Unreachable(String system, SQLException cause) {
      super("system_unavailable", 503, describe(system, cause), cause);
    }

    private static String describe(String system, SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      String what =
          state.startsWith("08") || e instanceof java.sql.SQLTransientConnectionException
              ? "connection failed"
              : e instanceof java.sql.SQLTimeoutException ? "timed out" : "database error";
      return system
          + ": "
          + what
          + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")")
          + " "
          + e.getClass().getSimpleName();
    }
  }
}
