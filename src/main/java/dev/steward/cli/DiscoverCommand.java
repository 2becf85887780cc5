package dev.steward.cli;

import dev.steward.discovery.Discovery;
import dev.steward.discovery.DiscoveryReport;
import dev.steward.discovery.Proposal;
import dev.steward.error.ConfigurationException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code steward discover JDBC_URL|DIR}: samples a database (read-only) or a directory of logs, CSV
 * and JSON Lines files, prints what looks like personal data with its confidence, and writes the
 * proposed policy {@code systems} entry and dataset description for review. Needs no store.
 */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description =
        "Find likely personal data in a database (JDBC URL, read-only) or a directory of logs,"
            + " CSV and JSON Lines files, and propose policy entries for it.")
final class DiscoverCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "JDBC_URL|DIR",
      description = "jdbc:postgresql://..., jdbc:mariadb://..., jdbc:h2:... or a directory.")
  String target;

  @Option(names = "--user", paramLabel = "NAME", description = "Database user.")
  String user;

  @Option(
      names = "--password-env",
      paramLabel = "VAR",
      description =
          "Environment variable holding the database password (never on the command line).")
  String passwordEnv;

  @Option(
      names = "--sample",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Rows per table, or lines per file, to sample (default ${DEFAULT-VALUE}).")
  int sample;

  @Option(
      names = "--system-id",
      paramLabel = "ID",
      description = "The id proposed for the system (default: from the target).")
  String systemId;

  @Option(
      names = "--out",
      paramLabel = "FILE.yaml",
      description = "Write the proposal here instead of after the report.")
  Path out;

  private final Map<String, String> env;
  private final String phoneRegion;
  private final Clock clock;
  private final boolean terminal;

  DiscoverCommand(Map<String, String> env, String phoneRegion, Clock clock, boolean terminal) {
    this.env = env;
    this.phoneRegion = phoneRegion;
    this.clock = clock;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    if (sample < 1 || sample > 1_000_000) {
      throw new ConfigurationException("--sample must be from 1 to 1000000");
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Discovery discovery = new Discovery(phoneRegion, clock);
    boolean database = target.startsWith("jdbc:");
    ProgressDisplay progress =
        new ProgressDisplay(
            err, terminal, System::nanoTime, "discover", database ? "columns" : "bytes");
    DiscoveryReport report;
    try {
      if (database) {
        String password = null;
        if (passwordEnv != null) {
          password = env.get(passwordEnv);
          if (password == null) {
            throw new ConfigurationException("--password-env: " + passwordEnv + " is not set");
          }
        }
        report =
            discovery.database(
                target,
                user,
                password,
                sample,
                (done, total) -> progress.update(done, done, total));
      } else {
        report =
            discovery.directory(
                Path.of(target), sample, (done, total) -> progress.update(done, done, total));
      }
    } finally {
      progress.finish();
    }
    String id = systemId != null ? systemId : defaultId(database);
    String yaml = Proposal.yaml(report, id);
    stdout.print(report.table());
    if (out != null) {
      Files.writeString(out, yaml, StandardCharsets.UTF_8);
      stdout.println("proposal written to " + out + ": review it before use");
    } else {
      stdout.println();
      stdout.print(yaml);
    }
    stdout.flush();
    return StewardCommand.OK;
  }

  private String defaultId(boolean database) {
    if (!database) {
      Path name = Path.of(target).toAbsolutePath().normalize().getFileName();
      return name == null
          ? "logs"
          : name.toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
    String withoutParameters = target.replaceAll("[?;].*$", "");
    String last = withoutParameters.substring(withoutParameters.lastIndexOf('/') + 1);
    last = last.substring(last.lastIndexOf(':') + 1);
    String id = last.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return id.isEmpty() ? "database" : id;
  }
}
