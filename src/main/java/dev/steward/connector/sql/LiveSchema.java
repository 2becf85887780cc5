package dev.steward.connector.sql;

import dev.steward.connector.ConnectorProblems;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dataset description checked against the database's own catalogue ({@link DatabaseMetaData}):
 * every table and column the description names must exist, and the SQL Steward writes uses only the
 * names found there, quoted with the driver's quote string. Names from the description never reach
 * SQL unchecked; values always travel as parameters. Immutable once built.
 */
final class LiveSchema {
  private final String quote;
  private final String qualifier;
  private final Map<String, Map<String, ColumnInfo>> tables;
  private final Map<String, String> tableNames;
  private final Map<String, List<String>> keys;

  /** A column as the database declares it. */
  record ColumnInfo(String name, int sqlType, int size, boolean nullable) {
    boolean isText() {
      return switch (sqlType) {
        case Types.CHAR,
            Types.VARCHAR,
            Types.LONGVARCHAR,
            Types.NCHAR,
            Types.NVARCHAR,
            Types.CLOB ->
            true;
        default -> false;
      };
    }
  }

  private LiveSchema(
      String quote,
      String qualifier,
      Map<String, String> tableNames,
      Map<String, Map<String, ColumnInfo>> tables,
      Map<String, List<String>> keys) {
    this.quote = quote;
    this.qualifier = qualifier;
    this.tableNames = tableNames;
    this.tables = tables;
    this.keys = keys;
  }

  /**
   * Reads the catalogue of {@code schema} (a schema on PostgreSQL and H2, a database on MariaDB and
   * MySQL; the connection's own when null) and checks {@code dataset} against it. Throws {@link
   * SQLException} when the database cannot be reached; reports mismatches to {@code problems}.
   */
  static LiveSchema check(
      Connection connection, String schema, Dataset dataset, ConnectorProblems problems)
      throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String quote = meta.getIdentifierQuoteString().strip();
    boolean schemas = meta.supportsSchemasInDataManipulation();
    String catalog =
        schemas ? connection.getCatalog() : (schema != null ? schema : connection.getCatalog());
    String schemaName = schemas ? (schema != null ? schema : connection.getSchema()) : null;
    Map<String, String> present = new LinkedHashMap<>();
    try (ResultSet rs = meta.getTables(catalog, schemaName, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        present.put(rs.getString("TABLE_NAME"), rs.getString("TABLE_NAME"));
      }
    }
    Map<String, String> tableNames = new HashMap<>();
    Map<String, Map<String, ColumnInfo>> tables = new HashMap<>();
    Map<String, List<String>> keys = new HashMap<>();
    for (Dataset.Table table : dataset.tables()) {
      Optional<String> real = match(table.name(), present.keySet());
      if (real.isEmpty()) {
        problems.add(
            table.where(),
            "table '"
                + table.name()
                + "' does not exist in "
                + (schemaName != null ? schemaName : catalog));
        continue;
      }
      tableNames.put(table.name(), real.get());
      Map<String, ColumnInfo> columns = new LinkedHashMap<>();
      try (ResultSet rs = meta.getColumns(catalog, schemaName, real.get(), "%")) {
        while (rs.next()) {
          columns.put(
              rs.getString("COLUMN_NAME"),
              new ColumnInfo(
                  rs.getString("COLUMN_NAME"),
                  rs.getInt("DATA_TYPE"),
                  rs.getInt("COLUMN_SIZE"),
                  rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
        }
      }
      tables.put(table.name(), columns);
      List<String> key = new ArrayList<>();
      if (table.key().isEmpty()) {
        Map<Short, String> ordered = new java.util.TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schemaName, real.get())) {
          while (rs.next()) {
            ordered.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
          }
        }
        key.addAll(ordered.values());
        if (key.isEmpty()) {
          problems.add(
              table.where(),
              "table '" + table.name() + "' has no primary key: name one with 'key:'");
        }
      } else {
        key.addAll(table.key());
      }
      keys.put(table.name(), key);
    }
    String qualifier =
        schemaName != null && schema != null
            ? quoteWith(quote, schemaName) + "."
            : (!schemas && schema != null ? quoteWith(quote, catalog) + "." : "");
    LiveSchema live = new LiveSchema(quote, qualifier, tableNames, tables, keys);
    live.checkColumns(dataset, problems);
    return live;
  }

  private void checkColumns(Dataset dataset, ConnectorProblems problems) {
    for (Dataset.Table table : dataset.tables()) {
      if (!tables.containsKey(table.name())) {
        continue;
      }
      for (String key : keys.get(table.name())) {
        require(table, key, table.where(), problems);
      }
      for (Dataset.Identity identity : table.identities()) {
        require(table, identity.column(), identity.where(), problems);
      }
      for (Dataset.Column column : table.columns()) {
        Optional<ColumnInfo> info = require(table, column.name(), column.where(), problems);
        if (info.isEmpty() || table.erasure() != Dataset.TableErasure.UPDATE) {
          continue;
        }
        switch (column.erasure()) {
          case SET_NULL -> {
            if (!info.get().nullable()) {
              problems.add(
                  column.where(),
                  "column '" + column.name() + "' is NOT NULL: erase it by mask or hash instead");
            }
          }
          case MASK, HASH -> {
            int needed =
                column.erasure() == Dataset.ColumnErasure.HASH ? 64 : SqlSystem.MASK.length();
            if (!info.get().isText() || info.get().size() < needed) {
              problems.add(
                  column.where(),
                  "column '"
                      + column.name()
                      + "' cannot hold a "
                      + (column.erasure() == Dataset.ColumnErasure.HASH
                          ? "64-character hash"
                          : "mask")
                      + ": use set_null, or a text column of at least "
                      + needed
                      + " characters");
            }
          }
          case KEEP -> {}
        }
      }
      for (Dataset.Follow follow : table.follows()) {
        follow
            .columns()
            .forEach(
                (child, parent) -> {
                  require(table, child, follow.where(), problems);
                  dataset
                      .table(follow.parent())
                      .filter(p -> tables.containsKey(p.name()))
                      .ifPresent(p -> require(p, parent, follow.where(), problems));
                });
      }
      if (table.restrictColumn() != null) {
        require(table, table.restrictColumn(), table.where(), problems);
      }
      if (table.timestamp() != null) {
        require(table, table.timestamp(), table.where(), problems);
      }
    }
  }

  private Optional<ColumnInfo> require(
      Dataset.Table table, String column, String where, ConnectorProblems problems) {
    Map<String, ColumnInfo> columns = tables.get(table.name());
    Optional<String> real = match(column, columns.keySet());
    if (real.isEmpty()) {
      problems.add(where, "column '" + column + "' does not exist in table '" + table.name() + "'");
      return Optional.empty();
    }
    return Optional.of(columns.get(real.get()));
  }

  /** The exact name, else the one name equal but for case; none when absent or ambiguous. */
  private static Optional<String> match(String name, java.util.Collection<String> names) {
    if (names.contains(name)) {
      return Optional.of(name);
    }
    List<String> folded =
        names.stream()
            .filter(n -> n.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
            .toList();
    return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
  }

  /** The table's name as the database has it, qualified and quoted, for SQL. */
  String table(String described) {
    return qualifier + quoteWith(quote, tableNames.get(described));
  }

  /** The column's name as the database has it, quoted, for SQL. */
  String column(String table, String described) {
    Map<String, ColumnInfo> columns = tables.get(table);
    String real = match(described, columns.keySet()).orElseThrow();
    return quoteWith(quote, real);
  }

  /** The key columns as described (the primary key when the description names none). */
  List<String> key(String table) {
    return keys.get(table);
  }

  private static String quoteWith(String quote, String name) {
    if (quote.isEmpty()) {
      return name;
    }
    return quote + name.replace(quote, quote + quote) + quote;
  }
}
