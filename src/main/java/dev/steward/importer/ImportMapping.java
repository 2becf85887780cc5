package dev.steward.importer;

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
    Map<String, String> locations,
    String hash) {

  public ImportMapping {
    Objects.requireNonNull(format, "format");
    purposes = List.copyOf(purposes);
    identities = List.copyOf(identities);
    records = List.copyOf(records);
    locations = Map.copyOf(locations);
  }

  /** A column and what it becomes: an identity type, or a record category. */
  public record Column(String column, String target) {}

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
    return List.copyOf(columns);
  }

  /** Where the column is named in the mapping, as {@code FILE:LINE:COLUMN}. */
  String locationOf(String column) {
    return locations.getOrDefault(column, "mapping");
  }
}
