package dev.steward.connector.sql;

import dev.steward.fulfilment.SubjectRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds a person's rows: first the rows of tables with identity columns that hold one of the
 * request's identities, then, table by table in dependency order, the rows that follow a row
 * already found (several hops, a graph from identity rows to dependent rows). Every value travels
 * as a parameter; every name comes from the {@link LiveSchema}. Holds personal data; not kept.
 */
final class Rows {
  private static final int BATCH = 200;

  private final Dataset dataset;
  private final LiveSchema schema;

  Rows(Dataset dataset, LiveSchema schema) {
    this.dataset = dataset;
    this.schema = schema;
  }

  /** Per table, in dependency order: each found row's key → its values by described column. */
  Map<String, Map<List<Object>, Map<String, Object>>> of(Connection connection, SubjectRef subject)
      throws SQLException {
    Map<String, Map<List<Object>, Map<String, Object>>> found = new LinkedHashMap<>();
    for (Dataset.Table table : dataset.tables()) {
      Map<List<Object>, Map<String, Object>> rows = new LinkedHashMap<>();
      for (Dataset.Identity identity : table.identities()) {
        Set<Object> values = new LinkedHashSet<>();
        for (String value : subject.values(identity.type())) {
          String normalised = normalise(value, identity.normalise());
          if (!normalised.isEmpty()) {
            values.add(normalised);
          }
        }
        select(connection, table, List.of(identity.column()), tuples(values), rows);
      }
      for (Dataset.Follow follow : table.follows()) {
        List<String> childColumns = List.copyOf(follow.columns().keySet());
        List<String> parentColumns = List.copyOf(follow.columns().values());
        Set<List<Object>> tuples = new LinkedHashSet<>();
        for (Map<String, Object> parent : found.get(follow.parent()).values()) {
          List<Object> tuple = new ArrayList<>();
          for (String column : parentColumns) {
            tuple.add(parent.get(column));
          }
          if (!tuple.contains(null)) {
            tuples.add(tuple);
          }
        }
        select(connection, table, childColumns, tuples, rows);
      }
      found.put(table.name(), rows);
    }
    return found;
  }

  private static Set<List<Object>> tuples(Set<Object> values) {
    Set<List<Object>> tuples = new LinkedHashSet<>();
    values.forEach(value -> tuples.add(List.of(value)));
    return tuples;
  }

  /** Adds to {@code into} the rows of {@code table} whose {@code columns} equal one tuple. */
  private void select(
      Connection connection,
      Dataset.Table table,
      List<String> columns,
      Set<List<Object>> tuples,
      Map<List<Object>, Map<String, Object>> into)
      throws SQLException {
    List<List<Object>> all = List.copyOf(tuples);
    List<String> selected = selected(table);
    StringBuilder head = new StringBuilder("select ");
    for (int i = 0; i < selected.size(); i++) {
      head.append(i == 0 ? "" : ", ").append(schema.column(table.name(), selected.get(i)));
    }
    head.append(" from ").append(schema.table(table.name())).append(" where ");
    for (int start = 0; start < all.size(); start += BATCH) {
      List<List<Object>> batch = all.subList(start, Math.min(all.size(), start + BATCH));
      StringBuilder sql = new StringBuilder(head);
      if (columns.size() == 1) {
        sql.append(schema.column(table.name(), columns.get(0))).append(" in (");
        sql.append("?, ".repeat(batch.size() - 1)).append("?)");
      } else {
        for (int i = 0; i < batch.size(); i++) {
          sql.append(i == 0 ? "(" : " or (");
          for (int c = 0; c < columns.size(); c++) {
            sql.append(c == 0 ? "" : " and ")
                .append(schema.column(table.name(), columns.get(c)))
                .append(" = ?");
          }
          sql.append(')');
        }
      }
      try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
        int index = 1;
        for (List<Object> tuple : batch) {
          for (Object value : tuple) {
            statement.setObject(index++, value);
          }
        }
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < selected.size(); i++) {
              row.put(selected.get(i), rs.getObject(i + 1));
            }
            List<Object> key = new ArrayList<>();
            for (String column : schema.key(table.name())) {
              key.add(row.get(column));
            }
            into.putIfAbsent(key, row);
          }
        }
      }
    }
  }

  /** Every column of {@code table} any operation reads, as described. */
  List<String> selected(Dataset.Table table) {
    Set<String> columns = new LinkedHashSet<>(schema.key(table.name()));
    table.identities().forEach(identity -> columns.add(identity.column()));
    table.columns().forEach(column -> columns.add(column.name()));
    table.follows().forEach(follow -> columns.addAll(follow.columns().keySet()));
    for (Dataset.Table child : dataset.tables()) {
      for (Dataset.Follow follow : child.follows()) {
        if (follow.parent().equals(table.name())) {
          columns.addAll(follow.columns().values());
        }
      }
    }
    if (table.timestamp() != null) {
      columns.add(table.timestamp());
    }
    return List.copyOf(columns);
  }

  static String normalise(String value, Dataset.Normalise normalise) {
    return switch (normalise) {
      case NONE -> value;
      case TRIM -> value.strip();
      case LOWERCASE -> value.strip().toLowerCase(Locale.ROOT);
      case DIGITS -> value.replaceAll("[^0-9]", "");
    };
  }
}
