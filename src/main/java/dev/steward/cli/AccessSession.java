package dev.steward.cli;

import dev.steward.access.ApiTokens;
import dev.steward.access.ClientAccounts;
import dev.steward.access.PasswordHasher;
import dev.steward.access.PasswordHashing;
import dev.steward.access.StaffUsers;
import dev.steward.audit.AuditTrail;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import java.time.Clock;
import java.util.function.Function;

/**
 * The access services over one opened store, for the length of one CLI command. Everything the
 * operator does here is audited as {@code system:cli}.
 */
final class AccessSession implements AutoCloseable {
  static final Principal CLI = new Principal.System("cli");
  final StaffUsers users;
  final ClientAccounts clients;
  final ApiTokens tokens;
  private final Database database;

  private AccessSession(Database database, PasswordHashing hashing, AuditTrail audit) {
    Clock clock = Clock.systemUTC();
    this.database = database;
    this.users = new StaffUsers(database, new PasswordHasher(hashing), audit, clock);
    this.clients = new ClientAccounts(database, audit, clock);
    this.tokens = new ApiTokens(database, users, clients, audit, clock);
  }

  /** What the access commands are built with; opens a session per command run. */
  record Opener(
      StoreOpener store, PasswordHashing hashing, Function<Database, AuditTrail> auditFactory) {
    AccessSession open() {
      Database database = store.open();
      try {
        return new AccessSession(database, hashing, auditFactory.apply(database));
      } catch (RuntimeException e) {
        database.close();
        throw e;
      }
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
