package dev.steward.importer;

import dev.steward.error.InvalidInputException;
import dev.steward.importer.ImportMapping.Column;
import dev.steward.importer.ImportMapping.Format;
import dev.steward.importer.LocatedYaml.Mapping;
import dev.steward.importer.LocatedYaml.Node;
import dev.steward.policy.Problem;
import dev.steward.vault.IdentityType;
import dev.steward.vault.VaultVocabulary;
import dev.steward.vault.VaultVocabulary.Term;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
          "records",
          DisclosureFields.KEY);

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
    MappingFields fields = new MappingFields(name, mapping, problems, vocabulary);
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
    List<ImportMapping.Disclosure> disclosures =
        new DisclosureFields(fields).read(mapping, legalBasis);
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
        disclosures,
        fields.locations(),
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
}
