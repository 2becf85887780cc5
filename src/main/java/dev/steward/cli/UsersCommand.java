package dev.steward.cli;

import dev.steward.access.AddedStaffUser;
import dev.steward.access.NewStaffUser;
import dev.steward.access.PasswordHashing;
import dev.steward.access.StaffUser;
import dev.steward.audit.AuditTrail;
import dev.steward.error.InvalidInputException;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Role;
import dev.steward.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code steward users add|list|disable}: staff accounts, from the host's console. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manage staff users.",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Disable.class
    })
public final class UsersCommand {
  final AccessSession.Opener opener;
  private final InputStream stdin;

  public UsersCommand(
      StoreOpener store, PasswordHashing hashing, Function<Database, AuditTrail> auditFactory) {
    this(store, hashing, auditFactory, System.in);
  }

  UsersCommand(
      StoreOpener store,
      PasswordHashing hashing,
      Function<Database, AuditTrail> auditFactory,
      InputStream stdin) {
    this.opener = new AccessSession.Opener(store, hashing, auditFactory);
    this.stdin = stdin;
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a staff user.")
  static final class Add implements Callable<Integer> {
    @ParentCommand UsersCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--username", required = true, description = "Sign-in name.")
    String username;

    @Option(names = "--role", required = true, description = "admin, dpo, analyst, agent, auditor.")
    String role;

    @Option(names = "--display-name", description = "Name shown in the console.")
    String displayName;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
      Role parsed =
          Role.fromId(role)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "unknown role '"
                              + role
                              + "'; valid roles are: "
                              + Arrays.stream(Role.values())
                                  .map(Role::id)
                                  .collect(Collectors.joining(", "))));
      Optional<String> password = passwordStdin ? Optional.of(readLine()) : Optional.empty();
      try (AccessSession session = parent.opener.open()) {
        AddedStaffUser added =
            session.users.add(
                AccessSession.CLI,
                new NewStaffUser(username, parsed, Optional.ofNullable(displayName), password));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "added user %s (%s), role %s%n",
            added.user().username(), added.user().id(), parsed.id());
        added
            .oneTimePassword()
            .ifPresent(
                p -> {
                  out.println("one-time password, shown only now; change it at first sign-in:");
                  out.println(p);
                });
        out.flush();
      }
      return 0;
    }

    private String readLine() throws IOException {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(parent.stdin, StandardCharsets.UTF_8));
      String line = reader.readLine();
      if (line == null || line.isEmpty()) {
        throw new InvalidInputException("--password-stdin: standard input held no password");
      }
      return line;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List staff users.")
  static final class ListUsers implements Callable<Integer> {
    @ParentCommand UsersCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (AccessSession session = parent.opener.open()) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-36s  %-20s  %-8s  %-8s  %s%n", "ID", "USERNAME", "ROLE", "STATUS", "NAME");
        for (StaffUser user : session.users.list()) {
          out.printf(
              "%-36s  %-20s  %-8s  %-8s  %s%n",
              user.id(),
              user.username(),
              user.role().id(),
              user.disabled() ? "disabled" : "active",
              user.displayName());
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user.")
  static final class Disable implements Callable<Integer> {
    @ParentCommand UsersCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "USERNAME", description = "The user to disable.")
    String username;

    @Override
    public Integer call() {
      try (AccessSession session = parent.opener.open()) {
        StaffUser user =
            session
                .users
                .findByUsername(username)
                .orElseThrow(() -> new NotFoundException("no such user"));
        session.users.disable(AccessSession.CLI, user.id());
        spec.commandLine().getOut().printf("disabled user %s (%s)%n", user.username(), user.id());
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }
}
