package dev.steward.cli;

import dev.steward.audit.AuditCheckpoint;
import dev.steward.audit.AuditCheckpoints;
import dev.steward.audit.AuditVerification;
import dev.steward.audit.AuditVerifier;
import dev.steward.audit.AuditWitness;
import dev.steward.keys.Keys;
import dev.steward.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code steward audit}: verify the audit chain and manage its signed checkpoints. Each subcommand
 * opens the store through the {@link StoreOpener} it was given, works, and closes it. Exit codes: 0
 * intact, 1 chain broken; failures to open the store or read a file propagate as {@code
 * StewardException}s for the root command to map.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Verify the hash-chained audit log and manage its signed checkpoints.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoints.class})
public final class AuditCommand implements Callable<Integer> {
  private final StoreOpener storeOpener;
  private final StoreOpener keyringOpener;
  private final KeysOpener keysOpener;
  private final Clock clock;

  @Spec CommandSpec spec;

  public AuditCommand(StoreOpener storeOpener, KeysOpener keysOpener, Clock clock) {
    this(storeOpener, null, keysOpener, clock);
  }

  /** With {@code keyringOpener}, verification also holds the chain to the head witnessed there. */
  public AuditCommand(
      StoreOpener storeOpener, StoreOpener keyringOpener, KeysOpener keysOpener, Clock clock) {
    this.storeOpener = storeOpener;
    this.keyringOpener = keyringOpener;
    this.keysOpener = keysOpener;
    this.clock = clock;
  }

  public AuditCommand(StoreOpener storeOpener, KeysOpener keysOpener) {
    this(storeOpener, keysOpener, Clock.systemUTC());
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  private <T> T withCheckpoints(Function<Work, T> work) {
    try (Database database = storeOpener.open()) {
      Keys keys = keysOpener.open(database);
      AuditCheckpoints checkpoints = new AuditCheckpoints(database, keys, clock);
      if (keyringOpener == null) {
        return work.apply(new Work(database, checkpoints, null));
      }
      try (Database keyring = keyringOpener.open()) {
        return work.apply(new Work(database, checkpoints, new AuditWitness(keyring, keys, clock)));
      }
    }
  }

  private record Work(Database database, AuditCheckpoints checkpoints, AuditWitness witness) {}

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Walk the chain; print 'ok N entries' or the first changed, deleted or"
              + " reordered entry.")
  static final class Verify implements Callable<Integer> {
    @ParentCommand AuditCommand audit;
    @Spec CommandSpec spec;

    @Option(
        names = "--checkpoints",
        paramLabel = "FILE",
        description = "Also hold the chain to checkpoints exported earlier to FILE.")
    Path checkpointsFile;

    @Override
    public Integer call() {
      AuditVerification result =
          audit.withCheckpoints(
              work -> {
                AuditVerifier verifier =
                    new AuditVerifier(work.database(), work.checkpoints(), work.witness());
                return checkpointsFile == null
                    ? verifier.verify()
                    : verifier.verify(checkpointsFile);
              });
      if (result.ok()) {
        spec.commandLine().getOut().println(result.message());
        return 0;
      }
      spec.commandLine().getErr().println(result.message());
      return 1;
    }
  }

  @Command(
      name = "checkpoints",
      mixinStandardHelpOptions = true,
      description = "Sign or export checkpoints of the chain's head.",
      subcommands = {Checkpoints.Create.class, Checkpoints.Export.class})
  static final class Checkpoints implements Callable<Integer> {
    @ParentCommand AuditCommand audit;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getErr());
      return 2;
    }

    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Sign the current head now (no-op if a checkpoint already covers it).")
    static final class Create implements Callable<Integer> {
      @ParentCommand Checkpoints parent;
      @Spec CommandSpec spec;

      @Override
      public Integer call() {
        Optional<AuditCheckpoint> checkpoint =
            parent.audit.withCheckpoints(work -> work.checkpoints().checkpoint());
        spec.commandLine()
            .getOut()
            .println(
                checkpoint
                    .map(c -> "checkpoint at entry " + c.seq())
                    .orElse("no entries to checkpoint"));
        return 0;
      }
    }

    @Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write every stored checkpoint to FILE as JSON lines; keep it off this host.")
    static final class Export implements Callable<Integer> {
      @ParentCommand Checkpoints parent;
      @Spec CommandSpec spec;

      @Option(
          names = "--out",
          paramLabel = "FILE",
          required = true,
          description = "Where to write.")
      Path out;

      @Override
      public Integer call() {
        int count = parent.audit.withCheckpoints(work -> work.checkpoints().export(out));
        spec.commandLine().getOut().println("exported " + count + " checkpoints to " + out);
        return 0;
      }
    }
  }
}
