package dev.steward.importer;

import dev.steward.audit.AuditTrail;
import dev.steward.error.InvalidInputException;
import dev.steward.importer.ImportMapping.Format;
import dev.steward.importer.ImportRuns.Run;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import dev.steward.vault.ImportHook;
import dev.steward.vault.ImportOutcome;
import dev.steward.vault.NewDisclosure;
import dev.steward.vault.PreparedImport;
import dev.steward.vault.Vault;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;

/**
 * Bulk import of a CSV or JSON Lines file (gzip too) into the vault, following a mapping.
 *
 * <p>Rows are read and converted on the calling thread, handed to a second thread that hashes
 * identities, makes keys and encrypts values ({@link Vault#prepareImport}), and committed back on
 * the calling thread in batches ({@link Vault#commitImport}) while the next batch is being read and
 * prepared. Each batch commits together with the disclosures the mapping declares for its people
 * and its checkpoint in {@code import_run}, so a run that stops for any reason resumes after its
 * last committed row, and a finished run is not repeated. Rejected rows go to the rejects file with
 * line and reason only; nothing here logs a value. Stateless between calls; one call at a time per
 * file.
 */
public final class Importer {
  private final Jdbi store;
  private final Vault vault;
  private final AuditTrail audit;
  private final Clock clock;

  public Importer(Database store, Vault vault, AuditTrail audit, Clock clock) {
    this.store = store.jdbi();
    this.vault = vault;
    this.audit = audit;
    this.clock = clock;
  }

  public ImportReport run(
      Principal actor,
      Path file,
      ImportMapping mapping,
      ImportOptions options,
      ImportProgress progress) {
    long started = System.nanoTime();
    Run run;
    long total;
    try {
      total = Files.size(file);
      run =
          ImportRuns.startOrResume(
              store, InputFiles.sha256(file), mapping.hash(), file.toString(), clock.instant());
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
    }
    if (run.finished()) {
      return report(run, true, 0, true, 0, started);
    }
    long resumedAfter = run.lastLine();
    audit.record(
        actor,
        "import.start",
        "import-run",
        run.id().toString(),
        "ok",
        "afterLine=" + resumedAfter);
    ExecutorService preparer =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "steward-import-prepare");
              thread.setDaemon(true);
              return thread;
            });
    InputFiles.Counter counter = new InputFiles.Counter();
    try (InputStream in = InputFiles.open(file, counter);
        RejectsFile rejects = RejectsFile.open(options.rejects(), run.rejectsBytes())) {
      RowSource source = source(file, mapping, options, new ByteInput(in));
      if (run.lastOffset() > 0) {
        source.resumeAt(run.lastOffset(), run.lastLine() + 1);
      }
      RowConverter converter = new RowConverter(mapping, clock.instant());
      long rows = 0;
      long batches = 0;
      Batch pending = null;
      boolean ended = false;
      while (batches < options.maxBatches()) {
        Batch batch = read(source, converter, options.batchSize());
        if (batch.isEmpty()) {
          ended = true;
          break;
        }
        batch.prepared = preparer.submit(() -> vault.prepareImport(batch.rows));
        if (pending != null) {
          run = commit(actor, pending, run, rejects, options, mapping);
          progress.update(rows, counter.bytesAt(run.lastOffset()), total);
        }
        rows += batch.entries.size();
        pending = batch;
        batches++;
      }
      if (pending != null) {
        run = commit(actor, pending, run, rejects, options, mapping);
        progress.update(rows, counter.bytesAt(run.lastOffset()), total);
      }
      ended = ended || source.next() == null;
      if (ended) {
        ImportRuns.finish(store, run.id(), clock.instant());
      }
      audit.record(
          actor,
          ended ? "import.finish" : "import.pause",
          "import-run",
          run.id().toString(),
          "ok",
          "created=" + run.created() + " updated=" + run.updated() + " rejected=" + run.rejected());
      return report(run, false, resumedAfter, ended, rows, started);
    } catch (IOException | UncheckedIOException e) {
      throw new ImportFailedException("the import of " + file + " stopped: " + e.getMessage(), e);
    } finally {
      preparer.shutdownNow();
    }
  }

  private static RowSource source(
      Path file, ImportMapping mapping, ImportOptions options, ByteInput in) throws IOException {
    Format format = mapping.format().orElse(Format.ofFileName(file.getFileName().toString()));
    if (format == Format.JSON_LINES) {
      return new JsonLinesRows(in, mapping.columns(), options.limits());
    }
    CsvRows csv = new CsvRows(in, mapping.columns(), options.limits(), file.toString());
    List<String> missing = csv.missing(mapping.columns());
    if (!missing.isEmpty()) {
      String column = missing.get(0);
      throw new InvalidInputException(
          mapping.locationOf(column)
              + ": column '"
              + column
              + "' is not in the header of "
              + file
              + (missing.size() > 1
                  ? " (nor are " + missing.subList(1, missing.size()) + ")"
                  : ""));
    }
    return csv;
  }

  private static Batch read(RowSource source, RowConverter converter, int size) throws IOException {
    Batch batch = new Batch();
    while (batch.entries.size() < size) {
      RowSource.Row row = source.next();
      if (row == null) {
        break;
      }
      if (row.reject() != null) {
        batch.reject(row, row.reject(), row.column());
        continue;
      }
      RowConverter.Converted converted = converter.convert(row.values());
      if (converted.reject() != null) {
        batch.reject(row, converted.reject(), converted.column());
      } else {
        batch.add(row, converted.row(), converted.identityColumns(), converted.disclosedAt());
      }
    }
    return batch;
  }

  private Run commit(
      Principal actor,
      Batch batch,
      Run run,
      RejectsFile rejects,
      ImportOptions options,
      ImportMapping mapping) {
    PreparedImport prepared;
    try {
      prepared = batch.prepared.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportFailedException("the import was interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new ImportFailedException("preparing a batch failed", e.getCause());
    }
    Run[] next = new Run[1];
    ImportHook checkpoint =
        (handle, outcomes) -> {
          if (!mapping.disclosures().isEmpty()) {
            List<NewDisclosure> disclosures = batch.disclosures(outcomes, mapping.disclosures());
            if (!disclosures.isEmpty()) {
              // In the batch's transaction: a resumed import neither loses nor repeats them.
              vault.disclosures().record(handle, actor, disclosures);
            }
          }
          long[] counts = batch.tally(outcomes, rejects);
          long length;
          try {
            length = rejects.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          next[0] =
              run.advance(batch.lastLine, batch.endOffset, length, counts[0], counts[1], counts[2]);
          ImportRuns.checkpoint(handle, run, next[0], clock.instant());
        };
    if (prepared.size() == 0) {
      store.useTransaction(handle -> checkpoint.inTransaction(handle, List.<ImportOutcome>of()));
    } else {
      vault.commitImport(actor, prepared, options.returning(), checkpoint);
    }
    return next[0];
  }

  private static ImportReport report(
      Run run, boolean alreadyFinished, long after, boolean finished, long rows, long started) {
    return new ImportReport(
        run.id(),
        alreadyFinished,
        after,
        finished,
        run.created(),
        run.updated(),
        run.rejected(),
        rows,
        Duration.ofNanos(System.nanoTime() - started));
  }
}
