package dev.steward.access;

import dev.steward.audit.AuditTrail;
import dev.steward.error.ConflictException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * API tokens of staff users and client accounts: created with scopes no wider than the owner may
 * hold and an expiry of at most a year, shown once, stored as SHA-256, listed without secrets,
 * revoked. Who may act on whose tokens is decided here, so the HTTP and CLI edges agree. Stateless
 * and thread-safe.
 */
public final class ApiTokens {
  public static final Duration MAX_LIFETIME = Duration.ofDays(365);
  private final Jdbi jdbi;
  private final ApiTokenStore store;
  private final StaffUsers users;
  private final ClientAccounts clients;
  private final AuditTrail audit;
  private final Clock clock;

  public ApiTokens(
      Database database, StaffUsers users, ClientAccounts clients, AuditTrail audit, Clock clock) {
    this.jdbi = database.jdbi();
    this.store = new ApiTokenStore(database.jdbi(), database.generations());
    this.users = users;
    this.clients = clients;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates a token. A staff caller may create tokens for themselves with scopes they hold now, for
   * another user with {@code users:manage}, for a client account with {@code clients:manage}.
   *
   * @param scopes scope strings such as {@code audit:read}; each must be one the owner may hold
   * @param lifetime more than zero and at most {@link #MAX_LIFETIME}
   */
  public IssuedToken create(
      Principal actor,
      TokenOwner owner,
      String name,
      Collection<String> scopes,
      Duration lifetime) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 128 || trimmed.equals(ApiToken.SESSION)) {
      throw invalid("name", "a token name is 1 to 128 characters and not 'session'");
    }
    if (lifetime == null
        || lifetime.isNegative()
        || lifetime.isZero()
        || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw invalid("expiresIn", "a token expires after more than zero and at most 365 days");
    }
    Set<Permission> granted = Scopes.parse(scopes, mayHold(owner));
    TokenAuthority.requireMayCreate(actor, owner, granted);
    IssuedToken issued =
        jdbi.inTransaction(
            handle -> {
              IssuedToken created = issue(handle, owner, trimmed, granted, lifetime);
              audit.record(
                  handle,
                  actor,
                  "token.created",
                  "api-token",
                  created.token().id().toString(),
                  "ok",
                  "owner=" + owner + " scopes=" + Scopes.format(granted).replace(' ', ','));
              return created;
            });
    return issued;
  }

  /** Every token, newest last; for administrators and the CLI. */
  public List<ApiToken> list() {
    return store.list(Optional.empty());
  }

  public List<ApiToken> listFor(TokenOwner owner) {
    return store.list(Optional.of(owner));
  }

  public Optional<ApiToken> find(UUID id) {
    return store.find(id);
  }

  /**
   * Revokes a token: the caller's own, a client account's with {@code clients:manage}, any with
   * {@code users:manage}. Others' tokens answer as if they did not exist. Revoking twice is a
   * no-op.
   */
  public ApiToken revoke(Principal actor, UUID id) {
    ApiToken token =
        find(id)
            .filter(t -> TokenAuthority.mayRevoke(actor, t.owner()))
            .orElseThrow(() -> new NotFoundException("no such token"));
    jdbi.useTransaction(
        handle -> {
          if (store.revoke(handle, id, Rows.now(clock))) {
            audit.record(handle, actor, "token.revoked", "api-token", id.toString());
          }
        });
    return find(id).orElse(token);
  }

  /** A sign-in session: a token named {@value ApiToken#SESSION}; the caller audits the sign-in. */
  IssuedToken issueSession(Handle handle, UUID userId, Set<Permission> scopes, Duration lifetime) {
    return issue(handle, TokenOwner.staff(userId), ApiToken.SESSION, scopes, lifetime);
  }

  void revokeSessions(Handle handle, UUID userId) {
    store.revokeSessions(handle, userId, Rows.now(clock));
  }

  private IssuedToken issue(
      Handle handle, TokenOwner owner, String name, Set<Permission> scopes, Duration lifetime) {
    Instant now = Rows.now(clock);
    ApiToken token =
        new ApiToken(UUID.randomUUID(), owner, name, scopes, now, now.plus(lifetime), null, null);
    String secret = Secrets.newToken();
    ApiTokenStore.insert(handle, token, Secrets.sha256Hex(secret));
    return new IssuedToken(token, secret);
  }

  private Set<Permission> mayHold(TokenOwner owner) {
    if (owner.kind() == TokenOwner.Kind.STAFF) {
      StaffUser user =
          users.find(owner.id()).orElseThrow(() -> new NotFoundException("no such user"));
      if (user.disabled()) {
        throw new ConflictException("the user is disabled");
      }
      return user.role().permissions();
    }
    ClientAccount account =
        clients.find(owner.id()).orElseThrow(() -> new NotFoundException("no such client account"));
    if (account.disabled()) {
      throw new ConflictException("the client account is disabled");
    }
    return account.kind().allowed();
  }

  private static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException(message, List.of(new FieldProblem(field, message)));
  }
}
