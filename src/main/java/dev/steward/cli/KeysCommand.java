package dev.steward.cli;

import dev.steward.config.StewardConfig;
import dev.steward.keys.KeyName;
import dev.steward.keys.Keys;
import dev.steward.keys.MasterKeyHandover;
import dev.steward.store.Database;
import dev.steward.vault.Keyring;
import dev.steward.vault.Keyring.RotationProgress;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code steward keys}: hand the master key over to a new one. {@code prepare} makes {@code
 * master.next.json}; {@code rotate} re-wraps every subject and exemption key under it in
 * checkpointed batches (interrupt it at any point and run it again to resume), then promotes it to
 * {@code master.json} and records its fingerprint; {@code sweep} re-wraps keys that nodes still on
 * the old master wrapped meanwhile. Values are never re-encrypted.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Rotate the master key that wraps every subject's data key.",
    subcommands = {KeysCommand.Prepare.class, KeysCommand.Rotate.class, KeysCommand.Sweep.class})
public final class KeysCommand implements Callable<Integer> {
  private final StoreOpener storeOpener;
  private final KeysOpener keysOpener;
  private final Supplier<StewardConfig> config;
  private final Clock clock;

  @Spec CommandSpec spec;

  public KeysCommand(
      StoreOpener storeOpener, KeysOpener keysOpener, Supplier<StewardConfig> config, Clock clock) {
    this.storeOpener = storeOpener;
    this.keysOpener = keysOpener;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  private MasterKeyHandover handover() {
    return new MasterKeyHandover(config.get().keysDir(), config.get().keyVariables());
  }

  /** Re-wraps towards {@code target} with the keys this store was set up with. */
  private RotationProgress rewrap(
      Database store, MasterKeyHandover.MasterKey target, int batchSize, int maxBatches) {
    Keys keys = keysOpener.open(store);
    try (Database keyringDatabase = Database.open(config.get().keyring(), "classpath:db/keyring")) {
      Keyring keyring =
          new Keyring(
              keyringDatabase,
              keys.aead(KeyName.MASTER),
              keys.fingerprint(KeyName.MASTER),
              keys.unwrapOnlyMasters(),
              clock);
      return keyring.rotate(target.aead(), target.fingerprint(), batchSize, maxBatches);
    }
  }

  private static void report(PrintWriter out, RotationProgress progress) {
    out.println(
        (progress.finished() ? "finished" : "paused")
            + ": "
            + progress.rewrapped()
            + " keys re-wrapped under "
            + progress.targetMasterId().substring(0, 12)
            + "…, "
            + progress.remaining()
            + " to go");
  }

  @Command(
      name = "prepare",
      mixinStandardHelpOptions = true,
      description =
          "Make master.next.json (kept if present); give it to every node before rotating.")
  static final class Prepare implements Callable<Integer> {
    @ParentCommand KeysCommand keys;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      MasterKeyHandover.MasterKey next = keys.handover().prepareNext();
      spec.commandLine()
          .getOut()
          .println("next master key ready: fingerprint " + next.fingerprint());
      return 0;
    }
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description =
          "Re-wrap every data key under master.next.json (made if absent), then promote it;"
              + " resumable.")
  static final class Rotate implements Callable<Integer> {
    @ParentCommand KeysCommand keys;
    @Spec CommandSpec spec;

    @Option(names = "--batch-size", defaultValue = "500", description = "Keys per batch.")
    int batchSize;

    @Option(
        names = "--max-batches",
        defaultValue = "2147483647",
        description = "Stop after this many batches; run again to continue.")
    int maxBatches;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      MasterKeyHandover handover = keys.handover();
      try (Database store = keys.storeOpener.open()) {
        if (handover.promotionUnfinished(store.jdbi())) {
          handover.promote(store.jdbi(), keys.clock);
          out.println("finished the promotion of the new master key that was cut short");
          return 0;
        }
        RotationProgress progress =
            keys.rewrap(store, handover.prepareNext(), batchSize, maxBatches);
        report(out, progress);
        if (!progress.finished()) {
          out.println("run 'steward keys rotate' again to continue from the checkpoint");
          return 0;
        }
        boolean renamed = handover.promote(store.jdbi(), keys.clock);
        out.println(
            renamed
                ? "master.next.json is now master.json; the old key is master.previous.json"
                : "the store now expects the new key: set STEWARD_KEY_MASTER to the value of"
                    + " STEWARD_KEY_MASTER_NEXT and the old value as STEWARD_KEY_MASTER_PREVIOUS");
        return 0;
      }
    }
  }

  @Command(
      name = "sweep",
      mixinStandardHelpOptions = true,
      description =
          "Re-wrap keys still under the previous master; then master.previous.json can go.")
  static final class Sweep implements Callable<Integer> {
    @ParentCommand KeysCommand keys;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Database store = keys.storeOpener.open()) {
        Keys current = keys.keysOpener.open(store);
        RotationProgress progress =
            keys.rewrap(
                store,
                new MasterKeyHandover.MasterKey(
                    current.fingerprint(KeyName.MASTER), current.aead(KeyName.MASTER)),
                500,
                Integer.MAX_VALUE);
        report(spec.commandLine().getOut(), progress);
        return 0;
      }
    }
  }
}
