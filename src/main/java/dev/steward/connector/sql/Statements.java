package dev.steward.connector.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL that changes rows, one row by its key at a time: names from the {@link LiveSchema},
 * values as parameters.
 */
final class Statements {
  private Statements() {}

  static int delete(Connection connection, LiveSchema schema, Dataset.Table table, List<Object> key)
      throws SQLException {
    String sql = "delete from " + schema.table(table.name()) + where(schema, table);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, 1, key);
      return statement.executeUpdate();
    }
  }

  /** Sets each of {@code values} (described column → new value, null allowed) on one row. */
  static int update(
      Connection connection,
      LiveSchema schema,
      Dataset.Table table,
      Map<String, Object> values,
      List<Object> key)
      throws SQLException {
    if (values.isEmpty()) {
      return 0;
    }
    List<String> columns = new ArrayList<>(values.keySet());
    StringBuilder sql =
        new StringBuilder("update ").append(schema.table(table.name())).append(" set ");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append(schema.column(table.name(), columns.get(i)))
          .append(" = ?");
    }
    sql.append(where(schema, table));
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int index = 1;
      for (String column : columns) {
        statement.setObject(index++, values.get(column));
      }
      bind(statement, index, key);
      return statement.executeUpdate();
    }
  }

  /** Sets a boolean flag; counts only rows whose flag changed. */
  static int setFlag(
      Connection connection,
      LiveSchema schema,
      Dataset.Table table,
      String column,
      boolean value,
      List<Object> key)
      throws SQLException {
    String flag = schema.column(table.name(), column);
    String sql =
        "update "
            + schema.table(table.name())
            + " set "
            + flag
            + " = ?"
            + where(schema, table)
            + " and ("
            + flag
            + " is null or "
            + flag
            + " <> ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setBoolean(1, value);
      int next = bind(statement, 2, key);
      statement.setBoolean(next, value);
      return statement.executeUpdate();
    }
  }

  /**
   * Retention: rows of {@code table} whose timestamp is before {@code cutoff}. A table erased by
   * delete loses the rows; one erased by update has the columns of {@code category} set to null or
   * masked (hashed and kept columns are left: a hash cannot be told from a value twice).
   */
  static int olderThan(
      Connection connection,
      LiveSchema schema,
      Dataset.Table table,
      String category,
      Instant cutoff)
      throws SQLException {
    String stamp = schema.column(table.name(), table.timestamp());
    if (table.erasure() == Dataset.TableErasure.DELETE) {
      String sql = "delete from " + schema.table(table.name()) + " where " + stamp + " < ?";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setTimestamp(1, Timestamp.from(cutoff));
        return statement.executeUpdate();
      }
    }
    int changed = 0;
    for (Dataset.Column column : table.columns()) {
      if (!SqlSystem.covers(category, column.category())) {
        continue;
      }
      String name = schema.column(table.name(), column.name());
      String sql;
      Object value;
      switch (column.erasure()) {
        case SET_NULL -> {
          sql = " set " + name + " = null where " + name + " is not null and " + stamp + " < ?";
          value = null;
        }
        case MASK -> {
          sql = " set " + name + " = ? where " + name + " <> ? and " + stamp + " < ?";
          value = SqlSystem.MASK;
        }
        default -> {
          continue;
        }
      }
      try (PreparedStatement statement =
          connection.prepareStatement("update " + schema.table(table.name()) + sql)) {
        int index = 1;
        if (value != null) {
          statement.setObject(index++, value);
          statement.setObject(index++, value);
        }
        statement.setTimestamp(index, Timestamp.from(cutoff));
        changed += statement.executeUpdate();
      }
    }
    return changed;
  }

  private static String where(LiveSchema schema, Dataset.Table table) {
    StringBuilder where = new StringBuilder(" where ");
    List<String> key = schema.key(table.name());
    for (int i = 0; i < key.size(); i++) {
      where
          .append(i == 0 ? "" : " and ")
          .append(schema.column(table.name(), key.get(i)))
          .append(" = ?");
    }
    return where.toString();
  }

  private static int bind(PreparedStatement statement, int start, List<Object> key)
      throws SQLException {
    int index = start;
    for (Object value : key) {
      statement.setObject(index++, value);
    }
    return index;
  }
}
