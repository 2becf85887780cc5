package dev.steward.importer;

import dev.steward.importer.ImportMapping.Column;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityType;
import dev.steward.vault.ImportRow;
import dev.steward.vault.Provenance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns a row's column values into what the vault imports: identities from the identity columns,
 * record values from the record columns, dates from the date columns, and the mapping's provenance.
 * Empty cells are left out. Not thread-safe only in that it is used by one reader.
 */
final class RowConverter {
  private final ImportMapping mapping;
  private final Map<String, Integer> index = new HashMap<>();
  private final Provenance fixedProvenance;

  /**
   * What a row became: an import row (with the column of each identity, and the time of each of the
   * mapping's disclosures, null where the row had none), or a reject.
   */
  record Converted(
      ImportRow row,
      List<String> identityColumns,
      Instant[] disclosedAt,
      String reject,
      String column) {
    static Converted rejected(String reject, String column) {
      return new Converted(null, List.of(), NO_DISCLOSURES, reject, column);
    }
  }

  private static final Instant[] NO_DISCLOSURES = new Instant[0];

  RowConverter(ImportMapping mapping, Instant importedAt) {
    this.mapping = mapping;
    List<String> columns = mapping.columns();
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i), i);
    }
    this.fixedProvenance = provenance(importedAt);
  }

  Converted convert(String[] values) {
    List<Identity> identities = new ArrayList<>(mapping.identities().size());
    List<String> identityColumns = new ArrayList<>(mapping.identities().size());
    for (Column column : mapping.identities()) {
      String value = values[index.get(column.column())];
      if (value != null && !value.isBlank()) {
        identities.add(new Identity(IdentityType.of(column.target()), value));
        identityColumns.add(column.column());
      }
    }
    List<ImportRow.Value> records = new ArrayList<>(mapping.records().size());
    for (Column column : mapping.records()) {
      String value = values[index.get(column.column())];
      if (value != null && !value.isBlank()) {
        records.add(new ImportRow.Value(column.target(), value));
      }
    }
    LocalDate start = null;
    LocalDate end = null;
    Provenance provenance = fixedProvenance;
    try {
      start = date(values, mapping.startColumn());
    } catch (DateTimeParseException e) {
      return Converted.rejected("invalid-date", mapping.startColumn());
    }
    try {
      end = date(values, mapping.endColumn());
    } catch (DateTimeParseException e) {
      return Converted.rejected("invalid-date", mapping.endColumn());
    }
    if (mapping.collectedAtColumn() != null) {
      String value = values[index.get(mapping.collectedAtColumn())];
      if (value != null && !value.isBlank()) {
        try {
          provenance = provenance(instant(value.strip()));
        } catch (DateTimeParseException e) {
          return Converted.rejected("invalid-date", mapping.collectedAtColumn());
        }
      }
    }
    Instant[] disclosedAt = NO_DISCLOSURES;
    if (!mapping.disclosures().isEmpty()) {
      disclosedAt = new Instant[mapping.disclosures().size()];
      for (int i = 0; i < disclosedAt.length; i++) {
        ImportMapping.Disclosure disclosure = mapping.disclosures().get(i);
        if (disclosure.at() != null) {
          disclosedAt[i] = disclosure.at();
          continue;
        }
        String value = values[index.get(disclosure.atColumn())];
        if (value != null && !value.isBlank()) {
          try {
            disclosedAt[i] = instant(value.strip());
          } catch (DateTimeParseException e) {
            return Converted.rejected("invalid-date", disclosure.atColumn());
          }
        }
      }
    }
    ImportRow row =
        new ImportRow(mapping.subjectType(), start, end, identities, records, provenance);
    return new Converted(row, identityColumns, disclosedAt, null, null);
  }

  private LocalDate date(String[] values, String column) {
    if (column == null) {
      return null;
    }
    String value = values[index.get(column)];
    return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
  }

  /** ISO instant, ISO date-time with offset, or ISO date (taken as midnight UTC). */
  static Instant instant(String value) {
    if (value.length() == 10) {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(value).toInstant();
    }
  }

  private Provenance provenance(Instant collectedAt) {
    return new Provenance(
        mapping.source(),
        mapping.system(),
        new LinkedHashSet<>(mapping.purposes()),
        mapping.legalBasis(),
        collectedAt,
        mapping.noticeVersion());
  }
}
