package dev.steward.cli;

import dev.steward.policy.CheckReport;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code steward policy ...}: work with policy files. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description =
        "Start, check and publish policy files, and write the documents generated from them.",
    subcommands = {
      PolicyCommand.Check.class,
      PolicyDocumentCommands.Render.class,
      PolicyDocumentCommands.Ropa.class,
      PolicyDocumentCommands.SubProcessors.class,
      PolicyDocumentCommands.Transfers.class
    })
public final class PolicyCommand {

  /** Exit code when the policy has at least one error. */
  public static final int EXIT_INVALID = 2;

  /**
   * {@code steward policy check FILE}: prints every problem as {@code FILE:LINE:COLUMN: severity:
   * message (hint: ...)}, then a summary. Exits 2 on any error, 0 with warnings only.
   */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Report every problem of a policy file with its location.")
  public static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The policy file (YAML).")
    Path file;

    private final Clock clock;

    public Check() {
      this(Clock.systemUTC());
    }

    Check(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      CheckReport report = new PolicyChecker(clock).check(file);
      PrintWriter out = spec.commandLine().getOut();
      for (Problem problem : report.problems()) {
        out.println(problem.format());
      }
      int errors = report.errors().size();
      int warnings = report.warnings().size();
      out.println(
          file
              + ": "
              + errors
              + plural(" error", errors)
              + ", "
              + warnings
              + plural(" warning", warnings)
              + (errors == 0 ? " - the policy is valid" : " - the policy is not valid"));
      out.flush();
      return errors == 0 ? 0 : EXIT_INVALID;
    }

    private static String plural(String word, int count) {
      return count == 1 ? word : word + "s";
    }
  }
}
