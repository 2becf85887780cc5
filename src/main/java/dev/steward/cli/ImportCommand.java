package dev.steward.cli;

import dev.steward.audit.AuditTrail;
import dev.steward.config.StewardConfig;
import dev.steward.importer.ImportMapping;
import dev.steward.importer.ImportOptions;
import dev.steward.importer.ImportReport;
import dev.steward.importer.Importer;
import dev.steward.importer.MappingReader;
import dev.steward.keys.Keys;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicyStartup;
import dev.steward.policy.PolicyVersions;
import dev.steward.store.Database;
import dev.steward.vault.PolicyVocabulary;
import dev.steward.vault.ReturningPerson;
import dev.steward.vault.VaultServices;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code steward import FILE --mapping MAPPING.yaml}: loads a CSV or JSON Lines file (gzip too)
 * into the vault. Rerunning the same command resumes an interrupted import, or does nothing when it
 * finished. Exits 0 when the file is done (rejected rows are listed, not failures), 2 for an
 * invalid mapping or file, 1 for a runtime failure (the checkpoint keeps what was committed).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import subjects and records from a CSV or JSON Lines file, following a mapping.")
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "CSV (header row) or JSON Lines; gzip allowed.")
  Path file;

  @Option(
      names = "--mapping",
      required = true,
      paramLabel = "MAPPING.yaml",
      description = "Columns to identities and records, with source, system, purposes, basis.")
  Path mappingFile;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description =
          "Where rejected rows are listed (line, reason, column); default FILE.rejects.csv.")
  Path rejects;

  @Option(
      names = "--welcome-returning",
      description =
          "Import rows of erased people as new subjects instead of rejecting them"
              + " (only when they gave the data again themselves).")
  boolean welcomeReturning;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Rows per transaction and audit entry (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--max-field-bytes",
      paramLabel = "N",
      defaultValue = "262144",
      description = "Longer fields reject their row (default ${DEFAULT-VALUE}).")
  int maxFieldBytes;

  @Option(
      names = "--max-line-bytes",
      paramLabel = "N",
      defaultValue = "1048576",
      description =
          "Longer lines reject their row, reading resumes at the next line"
              + " (default ${DEFAULT-VALUE}).")
  int maxLineBytes;

  private final CommonOptions common;
  private final StoreOpener store;
  private final KeysOpener keys;
  private final Function<Database, AuditTrail> auditFactory;
  private final Clock clock;
  private final boolean terminal;

  ImportCommand(
      CommonOptions common,
      StoreOpener store,
      KeysOpener keys,
      Function<Database, AuditTrail> auditFactory,
      Clock clock,
      boolean terminal) {
    this.common = common;
    this.store = store;
    this.keys = keys;
    this.auditFactory = auditFactory;
    this.clock = clock;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    StewardConfig config = common.resolve();
    ImportOptions options =
        ImportOptions.defaults(file)
            .withBatchSize(batchSize)
            .withLimits(maxFieldBytes, maxLineBytes)
            .withReturning(welcomeReturning ? ReturningPerson.WELCOME : ReturningPerson.REFUSE);
    if (rejects != null) {
      options = options.withRejects(rejects);
    }
    PrintWriter err = spec.commandLine().getErr();
    ProgressDisplay progress = new ProgressDisplay(err, terminal, System::nanoTime);
    ImportReport report;
    try (Database database = store.open()) {
      Keys sharedKeys = keys.open(database);
      AuditTrail audit = auditFactory.apply(database);
      try {
        PolicyChecker checker = new PolicyChecker(clock);
        PolicyVersions policies = new PolicyVersions(database, checker, audit, clock);
        new PolicyStartup(policies, checker)
            .bringIntoForce(config.policyFile(), false, AccessSession.CLI, err::println);
        ImportMapping mapping = new MappingReader(new PolicyVocabulary(policies)).read(mappingFile);
        try (VaultServices vault =
            VaultServices.open(
                database,
                config.keyring(),
                sharedKeys,
                policies,
                config.phoneRegion(),
                audit,
                clock)) {
          report =
              new Importer(database, vault.vault(), audit, clock)
                  .run(AccessSession.CLI, file, mapping, options, progress);
        }
      } finally {
        progress.finish();
        if (audit instanceof AutoCloseable closeable) {
          closeable.close();
        }
      }
    }
    spec.commandLine().getOut().println(summary(report, options.rejects()));
    return StewardCommand.OK;
  }

  private String summary(ImportReport report, Path rejectsFile) {
    if (report.alreadyFinished()) {
      return file
          + " was already imported with this mapping (run "
          + report.runId()
          + "): nothing to do";
    }
    String resumed =
        report.resumedAfterLine() > 0
            ? " (resumed after line " + report.resumedAfterLine() + ")"
            : "";
    return String.format(
        Locale.ROOT,
        "%s %s%s: %,d subjects created, %,d updated, %,d rows rejected%s; %,d rows in %.1f s,"
            + " %,.0f rows/s",
        report.finished() ? "imported" : "paused",
        file,
        resumed,
        report.created(),
        report.updated(),
        report.rejected(),
        report.rejected() > 0 ? " (see " + rejectsFile + ")" : "",
        report.rowsThisCall(),
        report.elapsed().toMillis() / 1000.0,
        report.rowsPerSecond());
  }
}
