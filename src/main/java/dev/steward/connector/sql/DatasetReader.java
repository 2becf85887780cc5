package dev.steward.connector.sql;

import dev.steward.connector.ConnectorProblems;
import dev.steward.connector.YamlTree;
import dev.steward.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a dataset description into a {@link Dataset}, reporting every problem with its {@code
 * file:line:column}: unknown keys, unknown categories (they must be the policy's), relations to
 * tables not described, relations that go round in a circle, erasure actions that do not fit.
 */
final class DatasetReader {
  private static final Set<String> ROOT_KEYS = Set.of("tables");
  private static final Set<String> TABLE_KEYS =
      Set.of(
          "key",
          "identities",
          "columns",
          "follow",
          "erase",
          "exemption",
          "reason",
          "years",
          "restrict",
          "retention");
  private static final Set<String> IDENTITY_KEYS = Set.of("type", "normalise");
  private static final Set<String> COLUMN_KEYS = Set.of("category", "erase");

  private final Policy policy;
  private final ConnectorProblems problems;

  DatasetReader(Policy policy, ConnectorProblems problems) {
    this.policy = policy;
    this.problems = problems;
  }

  /** The description, or null when it has problems (all reported). */
  Dataset read(String file, YamlTree root) {
    int before = problems.all().size();
    YamlTree.Mapping mapping = mapping(root, "a dataset description", ROOT_KEYS);
    if (mapping == null) {
      return null;
    }
    YamlTree.Mapping tables =
        mapping.get("tables").map(t -> mapping(t, "'tables'", null)).orElse(null);
    if (tables == null) {
      problems.add(mapping.where(), "missing required key 'tables'");
      return null;
    }
    Map<String, Dataset.Table> read = new LinkedHashMap<>();
    tables.values().forEach((name, node) -> read.put(name, table(name, node)));
    if (problems.all().size() > before) {
      return null;
    }
    List<Dataset.Table> ordered = ordered(read);
    return ordered == null ? null : new Dataset(file, ordered);
  }

  private Dataset.Table table(String name, YamlTree node) {
    YamlTree.Mapping table = mapping(node, "table '" + name + "'", TABLE_KEYS);
    if (table == null) {
      return null;
    }
    List<Dataset.Identity> identities = new ArrayList<>();
    entries(table, "identities")
        .forEach(
            (column, value) -> {
              YamlTree.Mapping identity =
                  mapping(value, "identity column '" + column + "'", IDENTITY_KEYS);
              if (identity != null) {
                String type = text(identity, "type", true);
                Dataset.Normalise normalise =
                    choice(identity, "normalise", Dataset.Normalise.class, Dataset.Normalise.NONE);
                identities.add(new Dataset.Identity(column, type, normalise, identity.where()));
              }
            });
    Dataset.TableErasure erasure = choice(table, "erase", Dataset.TableErasure.class, null);
    if (erasure == null && table.get("erase").isEmpty()) {
      problems.add(
          table.where(),
          "table '" + name + "' must say what erasure does: erase: delete, update or keep");
    }
    List<Dataset.Column> columns = new ArrayList<>();
    entries(table, "columns")
        .forEach(
            (column, value) -> {
              YamlTree.Mapping spec = mapping(value, "column '" + column + "'", COLUMN_KEYS);
              if (spec == null) {
                return;
              }
              String category = text(spec, "category", true);
              if (!category.isEmpty() && policy.category(category).isEmpty()) {
                problems.add(
                    spec.get("category").get().where(),
                    "'" + category + "' is not a category of the policy");
              }
              Dataset.ColumnErasure action =
                  choice(spec, "erase", Dataset.ColumnErasure.class, null);
              if (erasure == Dataset.TableErasure.UPDATE && action == null) {
                if (spec.get("erase").isEmpty()) {
                  problems.add(
                      spec.where(),
                      "column '"
                          + column
                          + "' of a table erased by update must say its action:"
                          + " erase: set_null, mask, hash or keep");
                }
              }
              columns.add(
                  new Dataset.Column(
                      column,
                      category,
                      action == null ? Dataset.ColumnErasure.KEEP : action,
                      spec.where()));
            });
    if (columns.isEmpty()) {
      problems.add(table.where(), "table '" + name + "' must list its columns of personal data");
    }
    List<Dataset.Follow> follows = new ArrayList<>();
    entries(table, "follow")
        .forEach(
            (parent, value) -> {
              YamlTree.Mapping pairs = mapping(value, "the relation to '" + parent + "'", null);
              if (pairs == null) {
                return;
              }
              Map<String, String> columnsToParent = new LinkedHashMap<>();
              pairs.values().forEach((child, p) -> columnsToParent.put(child, scalar(p)));
              if (columnsToParent.isEmpty()) {
                problems.add(pairs.where(), "name the columns: {child_column: parent_column}");
              }
              follows.add(new Dataset.Follow(parent, columnsToParent, table.whereKey("follow")));
            });
    if (identities.isEmpty() && follows.isEmpty()) {
      problems.add(
          table.where(),
          "table '"
              + name
              + "' has no identity columns and follows no table: no row would be found");
    }
    String exemption = text(table, "exemption", false);
    String reason = text(table, "reason", false);
    int years = 0;
    if (table.get("years").isPresent()) {
      String text = text(table, "years", false);
      try {
        years = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        years = -1;
      }
      if (years < 1 || years > 100) {
        problems.add(
            table.get("years").get().where(), "'years' must be a whole number from 1 to 100");
      }
    }
    if (erasure == Dataset.TableErasure.KEEP && years == 0) {
      problems.add(
          table.where(),
          "table '" + name + "' kept on erasure must say for how many years: years: 10");
    }
    if (erasure == Dataset.TableErasure.KEEP) {
      if (exemption.isEmpty()) {
        problems.add(
            table.where(), "table '" + name + "' kept on erasure must name the policy's exemption");
      } else if (policy.exemptions().stream().noneMatch(e -> e.id().equals(exemption))) {
        problems.add(
            table.get("exemption").get().where(),
            "'" + exemption + "' is not an exemption of the policy");
      }
    }
    String restrict = null;
    if (table.get("restrict").isPresent()) {
      YamlTree.Mapping spec = mapping(table.get("restrict").get(), "'restrict'", Set.of("column"));
      restrict = spec == null ? null : text(spec, "column", true);
    }
    String timestamp = null;
    if (table.get("retention").isPresent()) {
      YamlTree.Mapping spec =
          mapping(table.get("retention").get(), "'retention'", Set.of("timestamp"));
      timestamp = spec == null ? null : text(spec, "timestamp", true);
    }
    List<String> key = new ArrayList<>();
    table
        .get("key")
        .ifPresent(
            k -> {
              if (k instanceof YamlTree.Sequence list) {
                list.items().forEach(item -> key.add(scalar(item)));
              } else {
                key.add(scalar(k));
              }
            });
    return new Dataset.Table(
        name,
        key,
        identities,
        columns,
        follows,
        erasure,
        exemption,
        reason,
        years,
        restrict,
        timestamp,
        table.where());
  }

  /** Parents before children; null (reported) when a relation names an unknown table or loops. */
  private List<Dataset.Table> ordered(Map<String, Dataset.Table> tables) {
    boolean known = true;
    for (Dataset.Table table : tables.values()) {
      for (Dataset.Follow follow : table.follows()) {
        if (!tables.containsKey(follow.parent())) {
          problems.add(
              follow.where(),
              "table '"
                  + table.name()
                  + "' follows '"
                  + follow.parent()
                  + "', which is not described");
          known = false;
        }
      }
    }
    if (!known) {
      return null;
    }
    List<Dataset.Table> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    while (ordered.size() < tables.size()) {
      boolean progress = false;
      for (Dataset.Table table : tables.values()) {
        if (!placed.contains(table.name())
            && table.follows().stream().allMatch(f -> placed.contains(f.parent()))) {
          ordered.add(table);
          placed.add(table.name());
          progress = true;
        }
      }
      if (!progress) {
        for (Dataset.Table table : tables.values()) {
          if (!placed.contains(table.name())) {
            problems.add(
                table.where(),
                "table '"
                    + table.name()
                    + "' is part of a circle of relations; follow one way only");
          }
        }
        return null;
      }
    }
    return ordered;
  }

  private Map<String, YamlTree> entries(YamlTree.Mapping parent, String key) {
    return parent
        .get(key)
        .map(node -> mapping(node, "'" + key + "'", null))
        .map(YamlTree.Mapping::values)
        .orElse(Map.of());
  }

  private YamlTree.Mapping mapping(YamlTree node, String what, Set<String> allowed) {
    if (!(node instanceof YamlTree.Mapping mapping)) {
      problems.add(node.where(), what + " must be a mapping, but this is " + node.kind());
      return null;
    }
    if (allowed != null) {
      for (String key : mapping.values().keySet()) {
        if (!allowed.contains(key)) {
          problems.add(
              mapping.whereKey(key),
              "unknown key '"
                  + key
                  + "' in "
                  + what
                  + "; allowed: "
                  + new java.util.TreeSet<>(allowed));
        }
      }
    }
    return mapping;
  }

  private String text(YamlTree.Mapping mapping, String key, boolean required) {
    if (mapping.get(key).isEmpty()) {
      if (required) {
        problems.add(mapping.where(), "missing required key '" + key + "'");
      }
      return "";
    }
    return scalar(mapping.get(key).get());
  }

  private String scalar(YamlTree node) {
    if (node instanceof YamlTree.Scalar scalar
        && scalar.text() != null
        && !scalar.text().isBlank()) {
      return scalar.text().strip();
    }
    problems.add(node.where(), "expected a single value, but this is " + node.kind());
    return "";
  }

  private <E extends Enum<E>> E choice(
      YamlTree.Mapping mapping, String key, Class<E> type, E fallback) {
    if (mapping.get(key).isEmpty()) {
      return fallback;
    }
    String text = scalar(mapping.get(key).get());
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
        return constant;
      }
    }
    if (!text.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        names.add(constant.name().toLowerCase(Locale.ROOT));
      }
      problems.add(
          mapping.get(key).get().where(),
          "'" + text + "' is not a valid " + key + "; use one of " + names);
    }
    return fallback;
  }
}
