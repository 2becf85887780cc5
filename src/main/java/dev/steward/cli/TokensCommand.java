package dev.steward.cli;

import dev.steward.access.ApiToken;
import dev.steward.access.ClientAccount;
import dev.steward.access.IssuedToken;
import dev.steward.access.PasswordHashing;
import dev.steward.access.StaffUser;
import dev.steward.access.TokenOwner;
import dev.steward.audit.AuditTrail;
import dev.steward.error.InvalidInputException;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.store.Database;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code steward tokens create|list|revoke}: API tokens of staff users and client accounts. */
@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    description = "Manage API tokens.",
    subcommands = {
      TokensCommand.Create.class,
      TokensCommand.ListTokens.class,
      TokensCommand.Revoke.class
    })
public final class TokensCommand {
  final AccessSession.Opener opener;

  public TokensCommand(
      StoreOpener store, PasswordHashing hashing, Function<Database, AuditTrail> auditFactory) {
    this.opener = new AccessSession.Opener(store, hashing, auditFactory);
  }

  /** Exactly one owner: a user name or a client account name. */
  static final class Owner {
    @Option(names = "--user", description = "A staff user's name.")
    String user;

    @Option(names = "--client", description = "A client account's name.")
    String client;

    TokenOwner resolve(AccessSession session) {
      if (user != null) {
        return TokenOwner.staff(
            session
                .users
                .findByUsername(user)
                .map(StaffUser::id)
                .orElseThrow(() -> new NotFoundException("no such user")));
      }
      return TokenOwner.client(
          session
              .clients
              .findByName(client)
              .map(ClientAccount::id)
              .orElseThrow(() -> new NotFoundException("no such client account")));
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token.")
  static final class Create implements Callable<Integer> {
    @ParentCommand TokensCommand parent;
    @Spec CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Owner owner;

    @Option(names = "--name", required = true, description = "What the token is for.")
    String name;

    @Option(
        names = "--scopes",
        required = true,
        split = ",",
        description = "Comma-separated scopes, e.g. audit:read,policy:read.")
    List<String> scopes;

    @Option(names = "--expires-in", required = true, description = "Lifetime, e.g. 90d or 12h.")
    String expiresIn;

    @Override
    public Integer call() {
      try (AccessSession session = parent.opener.open()) {
        IssuedToken issued =
            session.tokens.create(
                AccessSession.CLI,
                owner.resolve(session),
                name,
                scopes,
                Lifetimes.parse("--expires-in", expiresIn));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "created token %s, scopes %s, expires %s%n",
            issued.token().id(), scopesOf(issued.token()), issued.token().expiresAt());
        out.println(issued.secret());
        out.println("This token is not shown again: store it now.");
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens.")
  static final class ListTokens implements Callable<Integer> {
    @ParentCommand TokensCommand parent;
    @Spec CommandSpec spec;

    @ArgGroup(multiplicity = "0..1")
    Owner owner;

    @Override
    public Integer call() {
      try (AccessSession session = parent.opener.open()) {
        List<ApiToken> tokens =
            owner == null ? session.tokens.list() : session.tokens.listFor(owner.resolve(session));
        PrintWriter out = spec.commandLine().getOut();
        String row = "%-36s  %-8s  %-20s  %-20s  %-8s  %s%n";
        out.printf(row, "ID", "STATUS", "OWNER", "NAME", "EXPIRES", "SCOPES");
        Instant now = Instant.now();
        for (ApiToken token : tokens) {
          out.printf(
              row,
              token.id(),
              token.revokedAt() != null ? "revoked" : token.isActive(now) ? "active" : "expired",
              ownerName(session, token.owner()),
              token.name(),
              token.expiresAt().toString().substring(0, 10),
              scopesOf(token));
        }
        out.flush();
      }
      return 0;
    }

    private static String ownerName(AccessSession session, TokenOwner owner) {
      return owner.kind() == TokenOwner.Kind.STAFF
          ? "user:" + session.users.find(owner.id()).map(StaffUser::username).orElse("?")
          : "client:" + session.clients.find(owner.id()).map(ClientAccount::name).orElse("?");
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand TokensCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The token's id, as listed.")
    String id;

    @Override
    public Integer call() {
      UUID tokenId;
      try {
        tokenId = UUID.fromString(id);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("'" + id + "' is not a token id; see 'tokens list'");
      }
      try (AccessSession session = parent.opener.open()) {
        ApiToken token = session.tokens.revoke(AccessSession.CLI, tokenId);
        spec.commandLine().getOut().printf("revoked token %s%n", token.id());
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }

  private static String scopesOf(ApiToken token) {
    return Arrays.stream(Permission.values())
        .filter(token.scopes()::contains)
        .map(Permission::scope)
        .collect(Collectors.joining(","));
  }
}
