package dev.steward.cli;

import dev.steward.access.PasswordHashing;
import dev.steward.app.Version;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditTrail;
import dev.steward.config.StewardConfig;
import dev.steward.error.ConfigurationException;
import dev.steward.error.StewardException;
import dev.steward.keys.Keys;
import dev.steward.store.Database;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code steward} command. Builds the command tree by hand (each command gets what it needs
 * through its constructor) and maps failures to exit codes: 0 success, 1 runtime failure, 2 bad
 * usage or invalid input, with one line on stderr and no stack trace unless {@code --verbose}.
 */
@Command(
    name = "steward",
    mixinStandardHelpOptions = true,
    versionProvider = StewardCommand.VersionProvider.class,
    description = "Privacy operations: policy as code, rights requests, consent and evidence.")
public final class StewardCommand implements Runnable {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  @Mixin private final CommonOptions common;
  private CommandLine self;

  private StewardCommand(CommonOptions common) {
    this.common = common;
  }

  /** Runs one command line and returns its exit code. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    CommonOptions common = new CommonOptions(env);
    StewardCommand root = new StewardCommand(common);
    CommandLine commandLine = new CommandLine(root);
    root.self = commandLine;
    Clock clock = Clock.systemUTC();
    // Only serve creates a store; the administration commands work on the one a node uses.
    StoreOpener store = () -> Database.openExisting(common.resolve().store());
    KeysOpener keys =
        database -> {
          StewardConfig config = common.resolve();
          return Keys.load(config.keysDir(), config.keyVariables(), database.jdbi(), clock);
        };
    Function<Database, AuditTrail> audit = database -> new AuditLog(database, clock);
    PasswordHashing hashing = PasswordHashing.production();
    commandLine.addSubcommand(new ServeCommand(common, out));
    // picocli reflects over each command as it is added; a node starting up needs only serve's.
    if (!(args.length > 0 && args[0].equals("serve"))) {
      addAdministration(commandLine, common, store, keys, audit, hashing, clock);
      commandLine.addSubcommand(
          new DiscoverCommand(env, discoveryPhoneRegion(env), clock, System.console() != null));
    }
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> failed(e, common.verbose(), cmd.getErr()));
    commandLine.setParameterExceptionHandler(
        (e, args1) -> {
          e.getCommandLine().getErr().println("steward: " + e.getMessage());
          e.getCommandLine()
              .getErr()
              .println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return USAGE;
        });
    Logging.quiet(java.util.Arrays.asList(args).contains("--verbose"));
    return commandLine.execute(args);
  }

  private static void addAdministration(
      CommandLine commandLine,
      CommonOptions common,
      StoreOpener store,
      KeysOpener keys,
      Function<Database, AuditTrail> audit,
      PasswordHashing hashing,
      Clock clock) {
    commandLine.addSubcommand(new UsersCommand(store, hashing, audit));
    commandLine.addSubcommand(new TokensCommand(store, hashing, audit));
    commandLine.addSubcommand(new ClientsCommand(store, hashing, audit));
    commandLine.addSubcommand(
        new AuditCommand(
            store,
            () -> dev.steward.vault.VaultServices.openKeyring(common.resolve().keyring()),
            keys,
            clock));
    commandLine.addSubcommand(new KeysCommand(store, keys, common::resolve, clock));
    commandLine.addSubcommand(new RequestsCommand(store, clock));
    commandLine.addSubcommand(
        new ImportCommand(common, store, keys, audit, clock, System.console() != null));
    commandLine.addSubcommand(
        new RetentionCommand(common, store, keys, audit, clock, System.console() != null));
    CommandLine policy = new CommandLine(new PolicyCommand());
    policy.addSubcommand(new PolicyPublishCommand(store, clock));
    policy.addSubcommand(new PolicyDiffCommand(clock));
    policy.addSubcommand(
        new PolicyInitCommand(
            clock,
            new java.io.BufferedReader(
                new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)),
            System.console() != null));
    commandLine.addSubcommand(policy);
  }

  /** The region for phone numbers written without a country code, as the node would use. */
  private static String discoveryPhoneRegion(Map<String, String> env) {
    return env.getOrDefault("STEWARD_PHONE_REGION", "US");
  }

  static int failed(Exception e, boolean verbose, PrintWriter err) {
    if (verbose) {
      e.printStackTrace(err);
    }
    if (e instanceof dev.steward.policy.InvalidPolicyException invalid) {
      invalid.located().forEach(problem -> err.println(problem.format()));
    }
    if (e instanceof dev.steward.importer.InvalidMappingException invalid) {
      invalid.located().forEach(problem -> err.println(problem.format()));
    }
    if (e instanceof StewardException steward) {
      err.println("steward: " + steward.getMessage());
      return steward instanceof ConfigurationException || steward.isCallerError() ? USAGE : FAILURE;
    }
    err.println(
        "steward: unexpected failure: " + e + (verbose ? "" : " (use --verbose for details)"));
    return FAILURE;
  }

  @Override
  public void run() {
    self.usage(self.getOut());
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"steward " + Version.current()};
    }
  }
}
