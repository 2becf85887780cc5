package dev.steward.connector.sql;

import dev.steward.fulfilment.ErasureScope;
import dev.steward.fulfilment.KeptItem;
import dev.steward.fulfilment.SubjectRef;
import dev.steward.fulfilment.SystemResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One erasure on one SQL system: the person's rows found, then each table from the most dependent
 * to the tables it follows (children before parents, so foreign keys hold throughout) deleted,
 * updated column by column, or kept under its exemption, all in one transaction. A dry run does the
 * same and rolls back, so its counts are exactly what the erasure would change. Columns and tables
 * whose categories staff asked to keep under an exemption ({@link ErasureScope#keep()}) are kept
 * too.
 */
final class Erasure {
  private final String system;
  private final Dataset dataset;
  private final Hasher hasher;

  Erasure(String system, Dataset dataset, Hasher hasher) {
    this.system = system;
    this.dataset = dataset;
    this.hasher = hasher;
  }

  SystemResult run(SqlSystem on, SubjectRef subject, ErasureScope scope, boolean dryRun) {
    return on.withConnection(
        true,
        dryRun,
        connection -> {
          LiveSchema live = on.schema(connection);
          var found = new Rows(dataset, live).of(connection, subject);
          Map<String, Integer> counts = new LinkedHashMap<>();
          List<String> ids = new ArrayList<>();
          List<KeptItem> kept = new ArrayList<>();
          List<Dataset.Table> order = new ArrayList<>(dataset.tables());
          Collections.reverse(order);
          for (Dataset.Table table : order) {
            var rows = found.get(table.name());
            Optional<ErasureScope.Keep> staffKeep = keptByStaff(table, scope);
            if (table.erasure() == Dataset.TableErasure.KEEP || staffKeep.isPresent()) {
              for (var row : rows.entrySet()) {
                kept.add(kept(table, row.getKey(), row.getValue(), staffKeep));
              }
              counts.put(table.name() + ".kept", rows.size());
              continue;
            }
            int changed = 0;
            for (var row : rows.entrySet()) {
              if (table.erasure() == Dataset.TableErasure.DELETE) {
                changed += Statements.delete(connection, live, table, row.getKey());
              } else {
                changed +=
                    Statements.update(
                                connection,
                                live,
                                table,
                                changes(table, row.getValue(), scope),
                                row.getKey())
                            > 0
                        ? 1
                        : 0;
              }
              ids.add(hasher.rowId(table.name(), row.getKey()));
            }
            counts.put(
                table.name()
                    + (table.erasure() == Dataset.TableErasure.DELETE ? ".deleted" : ".updated"),
                changed);
          }
          return new SystemResult(
              dryRun ? "dry run: would erase" : "erased", counts, ids, kept, List.of());
        });
  }

  /** Staff's keep of the table's every category, when they named them all. */
  private static Optional<ErasureScope.Keep> keptByStaff(Dataset.Table table, ErasureScope scope) {
    List<String> categories = table.categories();
    Optional<ErasureScope.Keep> first = Optional.empty();
    for (String category : categories) {
      Optional<ErasureScope.Keep> keep =
          scope.keep().stream().filter(k -> SqlSystem.covers(k.category(), category)).findFirst();
      if (keep.isEmpty()) {
        return Optional.empty();
      }
      first = first.or(() -> keep);
    }
    return first;
  }

  /** The new values of a row of a table erased by update; columns staff keep are left. */
  private Map<String, Object> changes(
      Dataset.Table table, Map<String, Object> row, ErasureScope scope) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Dataset.Column column : table.columns()) {
      boolean staffKeep =
          scope.keep().stream().anyMatch(k -> SqlSystem.covers(k.category(), column.category()));
      Object value = row.get(column.name());
      if (staffKeep || value == null) {
        continue;
      }
      switch (column.erasure()) {
        case SET_NULL -> values.put(column.name(), null);
        case MASK -> {
          if (!SqlSystem.MASK.equals(value)) {
            values.put(column.name(), SqlSystem.MASK);
          }
        }
        case HASH -> values.put(column.name(), hasher.hash(SqlSystem.text(value)));
        case KEEP -> {}
      }
    }
    return values;
  }

  private KeptItem kept(
      Dataset.Table table,
      List<Object> key,
      Map<String, Object> row,
      Optional<ErasureScope.Keep> staffKeep) {
    int years = staffKeep.map(ErasureScope.Keep::years).orElse(table.keepYears());
    Instant from = table.timestamp() == null ? null : Instants.of(row.get(table.timestamp()));
    Instant start = from == null ? Instant.now() : from;
    Instant until = start.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    return new KeptItem(
        system,
        hasher.rowId(table.name(), key),
        table.categories().get(0),
        staffKeep.map(ErasureScope.Keep::exemptionId).orElse(table.exemption()),
        until);
  }
}
