package dev.steward.cli;

import dev.steward.policy.Policy;
import dev.steward.policy.PolicyChange;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicyDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code steward policy diff OLD NEW}: what was added, removed and changed between two policy
 * files, with the changes people must be told of marked {@code !}.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "List the differences between two policy files and flag significant ones.")
final class PolicyDiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier policy file.")
  Path older;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later policy file.")
  Path newer;

  private final Clock clock;

  PolicyDiffCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PolicyChecker checker = new PolicyChecker(clock);
    Policy before = checker.loadValid(older);
    Policy after = checker.loadValid(newer);
    List<PolicyChange> changes = PolicyDiff.between(before, after);
    PrintWriter out = spec.commandLine().getOut();
    for (PolicyChange change : changes) {
      out.printf(
          "%s %-8s %s/%s: %s%n",
          change.significant() ? "!" : " ",
          change.kind().name().toLowerCase(java.util.Locale.ROOT),
          change.section(),
          change.id(),
          change.detail());
    }
    long significant = changes.stream().filter(PolicyChange::significant).count();
    out.printf(
        "%d changes, %d significant%s%n",
        changes.size(), significant, significant > 0 ? " - notify the people concerned (C13)" : "");
    out.flush();
    return StewardCommand.OK;
  }
}
