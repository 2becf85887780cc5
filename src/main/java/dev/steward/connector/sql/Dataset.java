package dev.steward.connector.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset description (docs/connectors.md): the tables of one database that hold personal data,
 * how a person is found in them (identity columns, then relations followed from row to row), the
 * category of each column and what erasure does to each table and column. Names are as written in
 * the description; {@link LiveSchema} matches them to the database's own.
 *
 * @param tables in dependency order: every table comes after the tables it follows
 */
record Dataset(String file, List<Table> tables) {
  Dataset {
    tables = List.copyOf(tables);
  }

  Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** What erasure does to a table's rows. */
  enum TableErasure {
    /** Delete the rows. */
    DELETE,
    /** Keep the rows and apply each column's action. */
    UPDATE,
    /** Keep the rows as they are, under an exemption. */
    KEEP
  }

  /** What erasure does to one column of a table erased by {@link TableErasure#UPDATE}. */
  enum ColumnErasure {
    SET_NULL,
    /** Replace the value by {@link SqlSystem#MASK}. */
    MASK,
    /** Replace the value by its keyed hash (HMAC-SHA-256, hex), which still tells rows apart. */
    HASH,
    KEEP
  }

  /** How a request's identity is written the way the column holds it. */
  enum Normalise {
    NONE,
    TRIM,
    LOWERCASE,
    /** Digits only: {@code +44 20 7946 0958} becomes {@code 442079460958}. */
    DIGITS
  }

  /** A column holding one type of identity (the policy's identity types: email, phone ...). */
  record Identity(String column, String type, Normalise normalise, String where) {}

  record Column(String name, String category, ColumnErasure erasure, String where) {}

  /** Rows of this table belong to the person when {@code columns} (child → parent) match. */
  record Follow(String parent, Map<String, String> columns, String where) {
    Follow {
      columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
  }

  /**
   * @param key the columns that tell rows apart; empty: the table's primary key
   * @param exemption with {@link TableErasure#KEEP}: the policy exemption relied on
   * @param keepYears with {@link TableErasure#KEEP}: for how long, counted from the row's timestamp
   *     (from the erasure when the table has none)
   * @param restrictColumn a boolean column set while the person's processing is restricted
   * @param timestamp the column retention counts from, when the table takes part in retention
   */
  record Table(
      String name,
      List<String> key,
      List<Identity> identities,
      List<Column> columns,
      List<Follow> follows,
      TableErasure erasure,
      String exemption,
      String reason,
      int keepYears,
      String restrictColumn,
      String timestamp,
      String where) {
    Table {
      key = List.copyOf(key);
      identities = List.copyOf(identities);
      columns = List.copyOf(columns);
      follows = List.copyOf(follows);
    }

    List<String> categories() {
      List<String> result = new ArrayList<>();
      for (Column column : columns) {
        if (!result.contains(column.category())) {
          result.add(column.category());
        }
      }
      return result;
    }
  }
}
