package dev.steward.cli;

import dev.steward.access.ClientAccount;
import dev.steward.access.PasswordHashing;
import dev.steward.audit.AuditTrail;
import dev.steward.error.InvalidInputException;
import dev.steward.error.NotFoundException;
import dev.steward.principal.ClientKind;
import dev.steward.store.Database;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code steward clients add|list|disable}: accounts of business customers and systems. */
@Command(
    name = "clients",
    mixinStandardHelpOptions = true,
    description = "Manage client accounts.",
    subcommands = {
      ClientsCommand.Add.class,
      ClientsCommand.ListClients.class,
      ClientsCommand.Disable.class
    })
public final class ClientsCommand {
  final AccessSession.Opener opener;

  public ClientsCommand(
      StoreOpener store, PasswordHashing hashing, Function<Database, AuditTrail> auditFactory) {
    this.opener = new AccessSession.Opener(store, hashing, auditFactory);
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a client account.")
  static final class Add implements Callable<Integer> {
    @ParentCommand ClientsCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--name", required = true, description = "Unique account name.")
    String name;

    @Option(
        names = "--kind",
        required = true,
        description = "business-customer, integration, opendsr-controller, opendsr-processor.")
    String kind;

    @Override
    public Integer call() {
      ClientKind parsed =
          ClientKind.fromId(kind)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "unknown client kind '"
                              + kind
                              + "'; valid kinds are: "
                              + Arrays.stream(ClientKind.values())
                                  .map(ClientKind::id)
                                  .collect(Collectors.joining(", "))));
      try (AccessSession session = parent.opener.open()) {
        ClientAccount account = session.clients.add(AccessSession.CLI, name, parsed);
        spec.commandLine()
            .getOut()
            .printf("added client %s (%s), kind %s%n", account.name(), account.id(), parsed.id());
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List client accounts.")
  static final class ListClients implements Callable<Integer> {
    @ParentCommand ClientsCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (AccessSession session = parent.opener.open()) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-36s  %-18s  %-8s  %s%n", "ID", "KIND", "STATUS", "NAME");
        for (ClientAccount account : session.clients.list()) {
          out.printf(
              "%-36s  %-18s  %-8s  %s%n",
              account.id(),
              account.kind().id(),
              account.disabled() ? "disabled" : "active",
              account.name());
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disable a client account.")
  static final class Disable implements Callable<Integer> {
    @ParentCommand ClientsCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The account to disable.")
    String name;

    @Override
    public Integer call() {
      try (AccessSession session = parent.opener.open()) {
        ClientAccount account =
            session
                .clients
                .findByName(name)
                .orElseThrow(() -> new NotFoundException("no such client account"));
        session.clients.disable(AccessSession.CLI, account.id());
        spec.commandLine()
            .getOut()
            .printf("disabled client %s (%s)%n", account.name(), account.id());
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }
}
