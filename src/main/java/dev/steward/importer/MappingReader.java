package dev.steward.importer;

import dev.steward.error.InvalidInputException;
import dev.steward.importer.ImportMapping.Column;
import dev.steward.importer.ImportMapping.Format;
import dev.steward.importer.LocatedYaml.Mapping;
import dev.steward.importer.LocatedYaml.Node;
import dev.steward.importer.LocatedYaml.Scalar;
import dev.steward.importer.LocatedYaml.Sequence;
import dev.steward.policy.Problem;
import dev.steward.vault.IdentityType;
import dev.steward.vault.VaultVocabulary;
import dev.steward.vault.VaultVocabulary.Term;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an import mapping (YAML) and checks it against the policy's vocabulary, reporting every
 * problem as {@code FILE:LINE:COLUMN: error: message} in one {@link InvalidMappingException}. The
 * format is described in {@code docs/import.md}. Thread-safe.
 */
public final class MappingReader {
  private static final int MAX_BYTES = 1 << 20;
  private static final Set<String> KEYS =
      Set.of(
          "format",
          "subject_type",
          "source",
          "system",
          "purposes",
          "legal_basis",
          "notice_version",
          "collected_at",
          "relationship",
          "identities",
          "records");

  private final VaultVocabulary vocabulary;

  public MappingReader(VaultVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  public ImportMapping read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidInputException("the mapping " + file + " is larger than 1 MiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read the mapping " + file + ": " + e.getMessage());
    }
    String name = file.toString();
    List<Problem> problems = new ArrayList<>();
    Node root = LocatedYaml.read(name, new String(bytes, StandardCharsets.UTF_8), problems);
    if (root != null && !(root instanceof Mapping)) {
      problems.add(at(name, root, "the mapping must be a YAML mapping of keys to values"));
    }
    if (!problems.isEmpty() || !(root instanceof Mapping mapping)) {
      throw new InvalidMappingException(name, problems);
    }
    Fields fields = new Fields(name, mapping, problems);
    mapping
        .entries()
        .forEach(
            (key, entry) -> {
              if (!KEYS.contains(key)) {
                problems.add(
                    LocatedYaml.error(
                        name, entry.line(), entry.column(), "unknown key '" + key + "'"));
              }
            });
    Optional<Format> format = fields.format();
    String subjectType = fields.term("subject_type", Term.SUBJECT_TYPE, true);
    String source = fields.term("source", Term.SOURCE, true);
    String system = fields.term("system", Term.SYSTEM, true);
    String legalBasis = fields.term("legal_basis", Term.LEGAL_BASIS, true);
    List<String> purposes = fields.purposes();
    String notice = fields.text(mapping, "notice_version", false);
    String collectedAt = fields.column(mapping, "collected_at");
    Mapping relationship = fields.relationship();
    String start = relationship == null ? null : fields.column(relationship, "start");
    String end = relationship == null ? null : fields.column(relationship, "end");
    List<Column> identities = fields.columns("identities", true, this::identityProblem);
    List<Column> records = fields.columns("records", false, this::categoryProblem);
    if (!problems.isEmpty()) {
      problems.sort(Problem.BY_POSITION);
      throw new InvalidMappingException(name, problems);
    }
    return new ImportMapping(
        format,
        subjectType,
        source,
        system,
        purposes,
        legalBasis,
        notice,
        collectedAt,
        start,
        end,
        identities,
        records,
        fields.locations,
        InputFiles.sha256(bytes));
  }

  private String identityProblem(String type) {
    try {
      IdentityType identityType = IdentityType.of(type);
      return identityType.isBuiltIn() || vocabulary.knows(Term.IDENTITY_TYPE, type)
          ? null
          : "'" + type + "' is not a built-in identity type nor one the policy declares";
    } catch (InvalidInputException e) {
      return "'" + type + "' is not an identity type: " + e.getMessage();
    }
  }

  private String categoryProblem(String category) {
    return vocabulary.knows(Term.CATEGORY, category)
        ? null
        : "'" + category + "' is not a category of the policy";
  }

  static Problem at(String file, Node node, String message) {
    return LocatedYaml.error(file, node.line(), node.column(), message);
  }

  /** Field-by-field reading of the root mapping, collecting problems and column locations. */
  private final class Fields {
    private final String file;
    private final Mapping root;
    private final List<Problem> problems;
    private final Map<String, String> locations = new LinkedHashMap<>();

    Fields(String file, Mapping root, List<Problem> problems) {
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
          problems.add(at(file, root.entries().get("format").value(), "format is csv or jsonl"));
          yield Optional.empty();
        }
      };
    }

    String term(String key, Term term, boolean required) {
      String id = text(root, key, required);
      if (id != null && !vocabulary.knows(term, id)) {
        problems.add(
            at(
                file,
                root.entries().get(key).value(),
                "'" + id + "' is not a " + term.label() + " of the policy"));
      }
      return id;
    }

    List<String> purposes() {
      LocatedYaml.Entry entry = root.entries().get("purposes");
      if (entry == null) {
        problems.add(LocatedYaml.error(file, root.line(), root.column(), "'purposes' is missing"));
        return List.of();
      }
      List<Node> items =
          entry.value() instanceof Sequence sequence ? sequence.items() : List.of(entry.value());
      List<String> purposes = new ArrayList<>();
      for (Node item : items) {
        if (item instanceof Scalar scalar && scalar.text() != null && !scalar.text().isBlank()) {
          if (!vocabulary.knows(Term.PURPOSE, scalar.text())) {
            problems.add(at(file, item, "'" + scalar.text() + "' is not a purpose of the policy"));
          }
          purposes.add(scalar.text());
        } else {
          problems.add(at(file, item, "a purpose is a policy id"));
        }
      }
      if (purposes.isEmpty() && items.isEmpty()) {
        problems.add(at(file, entry.value(), "name at least one purpose"));
      }
      return purposes;
    }

    Mapping relationship() {
      LocatedYaml.Entry entry = root.entries().get("relationship");
      if (entry == null) {
        return null;
      }
      if (!(entry.value() instanceof Mapping relationship)) {
        problems.add(at(file, entry.value(), "relationship is a mapping with 'start' and 'end'"));
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
    List<Column> columns(
        String key, boolean required, java.util.function.Function<String, String> problemOf) {
      LocatedYaml.Entry entry = root.entries().get(key);
      if (entry == null) {
        if (required) {
          problems.add(
              LocatedYaml.error(file, root.line(), root.column(), "'" + key + "' is missing"));
        }
        return List.of();
      }
      if (!(entry.value() instanceof Mapping columns) || columns.entries().isEmpty()) {
        problems.add(at(file, entry.value(), key + " maps column names to ids, at least one"));
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
                  problems.add(at(file, target.value(), problem));
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
              LocatedYaml.error(
                  file, mapping.line(), mapping.column(), "'" + key + "' is missing"));
        }
        return null;
      }
      if (entry.value() instanceof Scalar scalar
          && scalar.text() != null
          && !scalar.text().isBlank()) {
        return scalar.text();
      }
      problems.add(at(file, entry.value(), "'" + key + "' needs a single value"));
      return null;
    }
  }
}
