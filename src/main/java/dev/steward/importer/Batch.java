package dev.steward.importer;

import dev.steward.vault.ImportOutcome;
import dev.steward.vault.ImportRow;
import dev.steward.vault.NewDisclosure;
import dev.steward.vault.PreparedImport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Up to a batch size of rows read from the file: the ones to import, in file order, and the ones
 * already rejected while reading; and where the batch ends, which becomes the checkpoint.
 */
final class Batch {
  /**
   * A row of the batch: rejected while reading, or the {@code index}-th row sent to the vault, with
   * the time of each of the mapping's disclosures (null where the row had none).
   */
  record Entry(
      long line,
      String reject,
      String column,
      int index,
      List<String> identityColumns,
      Instant[] disclosedAt) {}

  final List<Entry> entries = new ArrayList<>();
  final List<ImportRow> rows = new ArrayList<>();
  long endOffset;
  long lastLine;
  Future<PreparedImport> prepared;

  void reject(RowSource.Row row, String reason, String column) {
    entries.add(new Entry(row.line(), reason, column, -1, List.of(), null));
    end(row);
  }

  void add(
      RowSource.Row row, ImportRow importRow, List<String> identityColumns, Instant[] disclosedAt) {
    entries.add(new Entry(row.line(), null, null, rows.size(), identityColumns, disclosedAt));
    rows.add(importRow);
    end(row);
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Counts of created, updated and rejected rows, rejects written to {@code rejects}. */
  long[] tally(List<ImportOutcome> outcomes, RejectsFile rejects) {
    long[] counts = new long[3];
    for (Entry entry : entries) {
      if (entry.reject() != null) {
        rejects.add(entry.line(), entry.reject(), entry.column());
        counts[2]++;
        continue;
      }
      ImportOutcome outcome = outcomes.get(entry.index());
      if (outcome instanceof ImportOutcome.Created) {
        counts[0]++;
      } else if (outcome instanceof ImportOutcome.Added) {
        counts[1]++;
      } else if (outcome instanceof ImportOutcome.Rejected rejected) {
        int at = rejected.identityIndex();
        String column = at >= 0 ? entry.identityColumns().get(at) : null;
        rejects.add(entry.line(), rejected.reason(), column);
        counts[2]++;
      }
    }
    return counts;
  }

  /**
   * The mapping's disclosures for every row the vault imported, with the subject it created or
   * joined: a row that names the same person twice discloses their data twice, as the file says.
   */
  List<NewDisclosure> disclosures(
      List<ImportOutcome> outcomes, List<ImportMapping.Disclosure> declared) {
    List<NewDisclosure> result = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.reject() != null) {
        continue;
      }
      UUID subject = subjectOf(outcomes.get(entry.index()));
      if (subject == null) {
        continue;
      }
      for (int i = 0; i < declared.size(); i++) {
        Instant at = entry.disclosedAt()[i];
        if (at != null) {
          ImportMapping.Disclosure d = declared.get(i);
          result.add(
              new NewDisclosure(
                  subject,
                  d.recipient(),
                  new LinkedHashSet<>(d.categories()),
                  at,
                  d.purpose(),
                  d.legalBasis(),
                  d.reason()));
        }
      }
    }
    return result;
  }

  private static UUID subjectOf(ImportOutcome outcome) {
    if (outcome instanceof ImportOutcome.Created created) {
      return created.subjectId();
    }
    return outcome instanceof ImportOutcome.Added added ? added.subjectId() : null;
  }

  private void end(RowSource.Row row) {
    endOffset = row.endOffset();
    lastLine = row.lastLine();
  }
}
