package dev.steward.access;

import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.store.TestDatabases;

/** A fresh store with the access services wired the way the application wires them. */
public final class AccessFixture implements AutoCloseable {
  public final Database database;
  public final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  public final RecordingAuditTrail audit = new RecordingAuditTrail();
  public final PasswordHasher hasher = new PasswordHasher(PasswordHashing.cheapForTests());
  public final StaffUsers users;
  public final ClientAccounts clients;
  public final ApiTokens tokens;
  public final TokenAuthenticator authenticator;
  public final SignIn signIn;
  public static final Principal CLI = new Principal.System("cli");

  public AccessFixture(Engine engine) {
    this(TestDatabases.open(engine));
  }

  /** The services of one node on {@code url}; two such fixtures are two nodes of one store. */
  public AccessFixture(String url) {
    this(Database.open(StoreSettings.of(url)));
  }

  private AccessFixture(Database database) {
    this.database = database;
    this.users = new StaffUsers(database, hasher, audit, clock);
    this.clients = new ClientAccounts(database, audit, clock);
    this.tokens = new ApiTokens(database, users, clients, audit, clock);
    this.authenticator = new TokenAuthenticator(database, clock);
    this.signIn = new SignIn(database, hasher, users, tokens, audit, clock);
  }

  public StaffUser user(String username, Role role, String password) {
    return users
        .add(
            CLI,
            new NewStaffUser(
                username, role, java.util.Optional.empty(), java.util.Optional.of(password)))
        .user();
  }

  @Override
  public void close() {
    database.close();
  }
}
