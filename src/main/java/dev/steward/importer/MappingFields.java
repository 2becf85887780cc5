package dev.steward.importer;

import dev.steward.importer.ImportMapping.Column;
import dev.steward.importer.ImportMapping.Format;
import dev.steward.importer.LocatedYaml.Mapping;
import dev.steward.importer.LocatedYaml.Node;
import dev.steward.importer.LocatedYaml.Scalar;
import dev.steward.importer.LocatedYaml.Sequence;
import dev.steward.policy.Problem;
import dev.steward.vault.VaultVocabulary;
import dev.steward.vault.VaultVocabulary.Term;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the fields of a mapping's root, one by one: each checked for shape and against the policy's
 * vocabulary, every problem added with its location, and every column name's location kept.
 */
final class MappingFields {
  private final String file;
  private final Mapping root;
  private final List<Problem> problems;
  private final Map<String, String> locations = new LinkedHashMap<>();

  /** Where each column is named, as {@code FILE:LINE:COLUMN}. */
  Map<String, String> locations() {
    return locations;
  }

  private final VaultVocabulary vocabulary;

  MappingFields(String file, Mapping root, List<Problem> problems, VaultVocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.file = file;
    this.root = root;
    this.problems = problems;
  }

  Optional<Format> format() {
    String text = text(root, "format", false);
    if (text == null) {
      return Optional.empty();
    }
    return switch (text) {
      case "csv" -> Optional.of(Format.CSV);
      case "jsonl" -> Optional.of(Format.JSON_LINES);
      default -> {
        problems.add(
            MappingReader.at(file, root.entries().get("format").value(), "format is csv or jsonl"));
        yield Optional.empty();
      }
    };
  }

  String term(String key, Term term, boolean required) {
    return term(root, key, term, required);
  }

  /** The id under {@code key} of {@code mapping}, checked to be a {@code term} of the policy. */
  String term(Mapping mapping, String key, Term term, boolean required) {
    String id = text(mapping, key, required);
    if (id != null && !vocabulary.knows(term, id)) {
      problems.add(
          MappingReader.at(
              file,
              mapping.entries().get(key).value(),
              "'" + id + "' is not a " + term.label() + " of the policy"));
    }
    return id;
  }

  List<String> purposes() {
    return terms(root, "purposes", Term.PURPOSE);
  }

  /**
   * One or more ids under {@code key} of {@code mapping} (a list, or a single value), each checked
   * to be a {@code term} of the policy; the key is required.
   */
  List<String> terms(Mapping mapping, String key, Term term) {
    LocatedYaml.Entry entry = mapping.entries().get(key);
    if (entry == null) {
      problems.add(
          LocatedYaml.error(file, mapping.line(), mapping.column(), "'" + key + "' is missing"));
      return List.of();
    }
    List<Node> items =
        entry.value() instanceof Sequence sequence ? sequence.items() : List.of(entry.value());
    List<String> ids = new ArrayList<>();
    for (Node item : items) {
      if (item instanceof Scalar scalar && scalar.text() != null && !scalar.text().isBlank()) {
        if (!vocabulary.knows(term, scalar.text())) {
          problems.add(
              MappingReader.at(
                  file,
                  item,
                  "'" + scalar.text() + "' is not a " + term.label() + " of the policy"));
        }
        ids.add(scalar.text());
      } else {
        problems.add(MappingReader.at(file, item, "a " + term.label() + " is a policy id"));
      }
    }
    if (ids.isEmpty() && items.isEmpty()) {
      problems.add(MappingReader.at(file, entry.value(), "name at least one " + term.label()));
    }
    return ids;
  }

  /** Reports every key of {@code mapping} not in {@code known}, at the key. */
  void onlyKeys(Mapping mapping, java.util.Set<String> known, String what) {
    mapping
        .entries()
        .forEach(
            (key, entry) -> {
              if (!known.contains(key)) {
                problems.add(
                    LocatedYaml.error(
                        file,
                        entry.line(),
                        entry.column(),
                        "unknown key '" + key + "'" + (what.isEmpty() ? "" : " (" + what + ")")));
              }
            });
  }

  /** Adds a problem at {@code node}. */
  void problem(Node node, String message) {
    problems.add(MappingReader.at(file, node, message));
  }

  Mapping relationship() {
    LocatedYaml.Entry entry = root.entries().get("relationship");
    if (entry == null) {
      return null;
    }
    if (!(entry.value() instanceof Mapping relationship)) {
      problems.add(
          MappingReader.at(
              file, entry.value(), "relationship is a mapping with 'start' and 'end'"));
      return null;
    }
    relationship
        .entries()
        .forEach(
            (key, value) -> {
              if (!key.equals("start") && !key.equals("end")) {
                problems.add(
                    LocatedYaml.error(
                        file,
                        value.line(),
                        value.column(),
                        "unknown key '" + key + "' (relationship has 'start' and 'end')"));
              }
            });
    return relationship;
  }

  String column(Mapping mapping, String key) {
    String column = text(mapping, key, false);
    if (column != null) {
      LocatedYaml.Entry entry = mapping.entries().get(key);
      locations.putIfAbsent(
          column, file + ":" + entry.value().line() + ":" + entry.value().column());
    }
    return column;
  }

  /** A mapping of column names to targets, each target checked by {@code problemOf}. */
  List<Column> columns(String key, boolean required, Function<String, String> problemOf) {
    LocatedYaml.Entry entry = root.entries().get(key);
    if (entry == null) {
      if (required) {
        problems.add(
            LocatedYaml.error(file, root.line(), root.column(), "'" + key + "' is missing"));
      }
      return List.of();
    }
    if (!(entry.value() instanceof Mapping columns) || columns.entries().isEmpty()) {
      problems.add(
          MappingReader.at(file, entry.value(), key + " maps column names to ids, at least one"));
      return List.of();
    }
    List<Column> result = new ArrayList<>();
    columns
        .entries()
        .forEach(
            (column, target) -> {
              locations.putIfAbsent(column, file + ":" + target.line() + ":" + target.column());
              String id = target.value() instanceof Scalar s ? s.text() : null;
              String problem =
                  id == null ? "name an id for column '" + column + "'" : problemOf.apply(id);
              if (problem != null) {
                problems.add(MappingReader.at(file, target.value(), problem));
              } else {
                result.add(new Column(column, id));
              }
            });
    return result;
  }

  String text(Mapping mapping, String key, boolean required) {
    LocatedYaml.Entry entry = mapping.entries().get(key);
    if (entry == null) {
      if (required) {
        problems.add(
            LocatedYaml.error(file, mapping.line(), mapping.column(), "'" + key + "' is missing"));
      }
      return null;
    }
    if (entry.value() instanceof Scalar scalar
        && scalar.text() != null
        && !scalar.text().isBlank()) {
      return scalar.text();
    }
    problems.add(MappingReader.at(file, entry.value(), "'" + key + "' needs a single value"));
    return null;
  }
}
