package dev.steward.cli;

import dev.steward.access.PasswordHashing;
import dev.steward.access.RecordingAuditTrail;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.store.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs the access commands against one H2 store, the way the root command will: a typed failure
 * becomes exit code 2 with its message on stderr.
 */
final class CliHarness {
  record Result(int exitCode, String out, String err, Throwable failure) {}

  final String url = TestDatabases.freshUrl(Engine.H2);
  final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final StoreOpener opener = () -> Database.open(StoreSettings.of(url));
  private final PasswordHashing hashing = PasswordHashing.cheapForTests();

  Result usersWithStdin(String stdin, String... args) {
    return run(
        new UsersCommand(
            opener,
            hashing,
            db -> audit,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))),
        args);
  }

  Result users(String... args) {
    return usersWithStdin("", args);
  }

  Result tokens(String... args) {
    return run(new TokensCommand(opener, hashing, db -> audit), args);
  }

  Result clients(String... args) {
    return run(new ClientsCommand(opener, hashing, db -> audit), args);
  }

  private static Result run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Throwable[] failure = new Throwable[1];
    CommandLine commandLine =
        new CommandLine(command)
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  failure[0] = e;
                  cmd.getErr().println(e.getMessage());
                  return 2;
                });
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString(), failure[0]);
  }
}
