package dev.steward.cli;

import dev.steward.audit.AuditTrail;
import dev.steward.config.StewardConfig;
import dev.steward.keys.Keys;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicyStartup;
import dev.steward.policy.PolicyVersions;
import dev.steward.principal.Principal;
import dev.steward.retention.Certificates;
import dev.steward.retention.RetentionSweep;
import dev.steward.retention.RunSummary;
import dev.steward.retention.SweepReport;
import dev.steward.store.Database;
import dev.steward.vault.VaultServices;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code steward retention}: run a retention sweep beside the node (or see what it would delete)
 * and check a deletion certificate. A run cut off midway is finished by the next {@code run}, from
 * here or the node's daily job. Connected data systems are wired into a node in code; from the
 * command line a sweep reaches the vault.
 */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = "Run retention sweeps and check their deletion certificates.",
    subcommands = {RetentionCommand.Run.class, RetentionCommand.VerifyCertificate.class})
final class RetentionCommand implements Callable<Integer> {
  private static final Principal CLI = new Principal.System("cli");

  private final CommonOptions common;
  private final StoreOpener store;
  private final KeysOpener keys;
  private final Function<Database, AuditTrail> auditFactory;
  private final Clock clock;
  private final boolean terminal;

  @Spec CommandSpec spec;

  RetentionCommand(
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
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return StewardCommand.USAGE;
  }

  private <T> T withSweep(PrintWriter err, Function<RetentionSweep, T> work) throws Exception {
    StewardConfig config = common.resolve();
    try (Database database = store.open()) {
      Keys sharedKeys = keys.open(database);
      AuditTrail audit = auditFactory.apply(database);
      try {
        PolicyChecker checker = new PolicyChecker(clock);
        PolicyVersions policies = new PolicyVersions(database, checker, audit, clock);
        new PolicyStartup(policies, checker)
            .bringIntoForce(config.policyFile(), false, AccessSession.CLI, err::println);
        try (VaultServices vault =
            VaultServices.open(
                database,
                config.keyring(),
                sharedKeys,
                policies,
                config.phoneRegion(),
                audit,
                clock)) {
          return work.apply(
              new RetentionSweep(
                  database.jdbi(),
                  vault.vault(),
                  policies,
                  List.of(),
                  new Certificates(sharedKeys),
                  audit,
                  clock));
        }
      } finally {
        if (audit instanceof AutoCloseable closeable) {
          closeable.close();
        }
      }
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "Delete what the policy's retention rules make due, except what legal holds keep;"
              + " finishes an unfinished run first. Prints what was deleted, by rule.")
  static final class Run implements Callable<Integer> {
    @ParentCommand RetentionCommand parent;
    @Spec CommandSpec spec;

    @Option(
        names = "--dry-run",
        description = "Only say what a run now would delete and what holds keep; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (dryRun) {
        SweepReport report = parent.withSweep(err, sweep -> sweep.dryRun(CLI));
        out.println(
            "dry run at "
                + report.asOf()
                + " (policy "
                + report.policyVersion()
                + "): "
                + report.due()
                + " would be deleted, "
                + report.heldCount()
                + " kept by legal holds");
        for (SweepReport.RuleCount rule : report.rules()) {
          out.println(
              "  "
                  + rule.rule()
                  + ": "
                  + rule.due()
                  + " due "
                  + rule.dueBySystem()
                  + ", "
                  + rule.held()
                  + " held");
        }
        for (SweepReport.HeldItem held : report.held()) {
          out.println(
              "  held: "
                  + held.system()
                  + " "
                  + held.kind()
                  + " "
                  + held.item()
                  + " by hold "
                  + held.hold()
                  + " ("
                  + held.holdScope()
                  + ")");
        }
        for (Map.Entry<String, String> rule : report.notSwept().entrySet()) {
          out.println("  not swept: " + rule.getKey() + ": " + rule.getValue());
        }
        return StewardCommand.OK;
      }
      ProgressDisplay progress =
          new ProgressDisplay(err, parent.terminal, System::nanoTime, "retention", "items");
      RunSummary run;
      try {
        run =
            parent.withSweep(
                err,
                sweep ->
                    sweep.run(CLI, "cli", (done, total) -> progress.update(done, done, total)));
      } finally {
        progress.finish();
      }
      out.println(
          (run.resumed() ? "finished the unfinished run " : "retention run ")
              + run.id()
              + ": "
              + run.deleted()
              + " deleted, "
              + (run.anonymised() > 0 ? run.anonymised() + " anonymised, " : "")
              + run.held()
              + " kept by legal holds, "
              + run.failed()
              + " failed; certificate sha256 "
              + run.certificateSha256());
      return run.failed() > 0 ? StewardCommand.FAILURE : StewardCommand.OK;
    }
  }

  @Command(
      name = "verify-certificate",
      mixinStandardHelpOptions = true,
      description =
          "Check a deletion certificate's hash and its signature under this store's audit"
              + " checkpoint key; exit 1 when it does not verify.")
  static final class VerifyCertificate implements Callable<Integer> {
    @ParentCommand RetentionCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The certificate, as downloaded.")
    Path file;

    @Override
    public Integer call() throws Exception {
      String document;
      try {
        document = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new dev.steward.error.InvalidInputException("cannot read " + file);
      }
      Certificates.Verification result;
      try (Database database = parent.store.open()) {
        result = new Certificates(parent.keys.open(database)).verify(document);
      }
      if (result.valid()) {
        spec.commandLine()
            .getOut()
            .println(
                "ok: the certificate of run "
                    + result.run()
                    + " verifies (sha256 "
                    + result.sha256()
                    + ")");
        return StewardCommand.OK;
      }
      spec.commandLine().getErr().println("does not verify: " + result.reason());
      return StewardCommand.FAILURE;
    }
  }
}
