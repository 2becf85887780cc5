package dev.steward.importer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the columns of an import file become a subject's identities and records, and the provenance
 * every record gets. Read and validated by {@link MappingReader}; immutable.
 *
 * @param format the file's format, or empty to tell it from the file name
 * @param noticeVersion may be null: data not collected from the person saw no notice
 * @param collectedAtColumn may be null: the records are dated at the time of the import
 * @param startColumn may be null; the column with the relationship's start date
 * @param endColumn may be null; the column with the relationship's end date
 * @param disclosures the disclosures to record for every imported row; may be empty
 * @param locations where each column name is written in the mapping, for located messages
 * @param hash SHA-256 of the mapping text, which tells one import run from another
 */
public record ImportMapping(
    Optional<Format> format,
    String subjectType,
    String source,
    String system,
    List<String> purposes,
    String legalBasis,
    String noticeVersion,
    String collectedAtColumn,
    String startColumn,
    String endColumn,
    List<Column> identities,
    List<Column> records,
    List<Disclosure> disclosures,
    Map<String, String> locations,
    String hash) {

  public ImportMapping {
    Objects.requireNonNull(format, "format");
    purposes = List.copyOf(purposes);
    identities = List.copyOf(identities);
    records = List.copyOf(records);
    disclosures = List.copyOf(disclosures);
    locations = Map.copyOf(locations);
  }

  /** A column and what it becomes: an identity type, or a record category. */
  public record Column(String column, String target) {}

  /**
   * A disclosure of each imported person's data to a recipient of the policy, recorded in the
   * disclosure log with the row's subject. Its time is fixed ({@code at}) or read from a column of
   * the row ({@code atColumn}); a row whose cell is empty had no such disclosure.
   *
   * @param reason may be null; why, in words without personal data
   * @param at null when the time comes from {@code atColumn}
   * @param atColumn null when the time is {@code at}
   */
  public record Disclosure(
      String recipient,
      List<String> categories,
      String purpose,
      String legalBasis,
      String reason,
      Instant at,
      String atColumn) {
    public Disclosure {
      categories = List.copyOf(categories);
      if ((at == null) == (atColumn == null)) {
        throw new IllegalArgumentException("a disclosure has a fixed time or a column, not both");
      }
    }
  }

  /** The file formats an import reads; either may be gzip-compressed. */
  public enum Format {
    CSV,
    JSON_LINES;

    /** From the name: {@code .jsonl}/{@code .ndjson} are JSON Lines, anything else CSV. */
    static Format ofFileName(String name) {
      String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
      return plain.endsWith(".jsonl") || plain.endsWith(".ndjson") ? JSON_LINES : CSV;
    }
  }

  /** Every column the mapping reads, each once, in a stable order. */
  List<String> columns() {
    java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
    identities.forEach(c -> columns.add(c.column()));
    records.forEach(c -> columns.add(c.column()));
    for (String optional : new String[] {collectedAtColumn, startColumn, endColumn}) {
      if (optional != null) {
        columns.add(optional);
      }
    }
    disclosures.forEach(
        d -> {
          if (d.atColumn() != null) {
            columns.add(d.atColumn());
          }
        });
    return List.copyOf(columns);
  }

  /** Where the column is named in the mapping, as {@code FILE:LINE:COLUMN}. */
  String locationOf(String column) {
    return locations.getOrDefault(column, "mapping");
  }
}
