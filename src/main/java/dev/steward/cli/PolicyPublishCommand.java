package dev.steward.cli;

import dev.steward.audit.AuditLog;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicyPublishing;
import dev.steward.policy.PolicySnapshot;
import dev.steward.policy.PolicyVersions;
import dev.steward.policy.PublishedPolicy;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code steward policy publish FILE}: makes a checked policy file the version in force. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description =
        "Publish a policy file: in force on every node at once, or from its effective date when"
            + " that is still to come.")
final class PolicyPublishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The policy file (YAML).")
  Path file;

  private final StoreOpener store;
  private final Clock clock;

  PolicyPublishCommand(StoreOpener store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PolicyChecker checker = new PolicyChecker(clock);
    PolicyChecker.Published read = checker.readForPublishing(file);
    read.report().orThrow();
    PolicySnapshot snapshot = read.snapshot().orElseThrow();
    try (Database database = store.open();
        AuditLog audit = new AuditLog(database, clock)) {
      PublishedPolicy published =
          new PolicyPublishing(new PolicyVersions(database, checker, audit, clock), checker)
              .publish(snapshot, new Principal.System("cli"), false)
              .published()
              .orElseThrow();
      boolean scheduled = published.inForceFrom().isAfter(clock.instant());
      spec.commandLine()
          .getOut()
          .println(
              "published version "
                  + published.version()
                  + " ("
                  + published.contentHash().substring(0, 12)
                  + (scheduled
                      ? "), in force on every node from " + published.inForceFrom()
                      : "), in force on every node within seconds"));
    }
    return StewardCommand.OK;
  }
}
