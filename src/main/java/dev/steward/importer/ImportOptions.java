package dev.steward.importer;

import dev.steward.error.InvalidInputException;
import dev.steward.vault.ReturningPerson;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run one import.
 *
 * @param rejects where rejected rows are listed (line, reason, column)
 * @param returning {@link ReturningPerson#REFUSE} rejects rows of erased people with {@code
 *     erased-subject-returned}; {@link ReturningPerson#WELCOME} imports them as new subjects
 * @param batchSize rows per transaction (and per audit entry)
 * @param maxBatches stop after this many batches, checkpoint kept, to import a file in stages
 */
public record ImportOptions(
    Path rejects,
    ReturningPerson returning,
    int batchSize,
    int maxFieldBytes,
    int maxLineBytes,
    long maxBatches) {

  public ImportOptions {
    Objects.requireNonNull(rejects, "rejects");
    Objects.requireNonNull(returning, "returning");
    if (batchSize < 1 || batchSize > 50_000) {
      throw new InvalidInputException("batch size must be between 1 and 50000");
    }
    if (maxBatches < 1) {
      throw new InvalidInputException("max batches cannot be less than 1");
    }
    new Limits(maxFieldBytes, maxLineBytes);
  }

  /** Defaults: rejects beside the file, refuse returning people, 1,000 rows a batch. */
  public static ImportOptions defaults(Path file) {
    return new ImportOptions(
        Path.of(file + ".rejects.csv"),
        ReturningPerson.REFUSE,
        1000,
        Limits.DEFAULT.maxFieldBytes(),
        Limits.DEFAULT.maxLineBytes(),
        Long.MAX_VALUE);
  }

  public ImportOptions withRejects(Path path) {
    return new ImportOptions(path, returning, batchSize, maxFieldBytes, maxLineBytes, maxBatches);
  }

  public ImportOptions withReturning(ReturningPerson value) {
    return new ImportOptions(rejects, value, batchSize, maxFieldBytes, maxLineBytes, maxBatches);
  }

  public ImportOptions withBatchSize(int value) {
    return new ImportOptions(rejects, returning, value, maxFieldBytes, maxLineBytes, maxBatches);
  }

  public ImportOptions withLimits(int field, int line) {
    return new ImportOptions(rejects, returning, batchSize, field, line, maxBatches);
  }

  public ImportOptions withMaxBatches(long value) {
    return new ImportOptions(rejects, returning, batchSize, maxFieldBytes, maxLineBytes, value);
  }

  Limits limits() {
    return new Limits(maxFieldBytes, maxLineBytes);
  }
}
