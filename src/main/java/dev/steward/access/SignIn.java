package dev.steward.access;

import dev.steward.audit.AuditTrail;
import dev.steward.error.ForbiddenException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.RateLimitedException;
import dev.steward.error.UnauthenticatedException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Staff sign-in with user name and password, sign-out, and changing one's own password.
 *
 * <p>The answer never tells whether a name exists: a wrong password, an unknown name and a disabled
 * account give the same 401, and each costs one Argon2 verification (unknown names are checked
 * against a dummy hash). Failures are throttled per name in the store ({@link LoginThrottle}), so a
 * locked name answers 429 on every node whether or not it exists. Thread-safe.
 */
public final class SignIn {
  public static final Duration SESSION_LIFETIME = Duration.ofHours(8);
  static final String WRONG = "the user name or password is not correct";
  private static final Principal ANONYMOUS = new Principal.Anonymous();
  private final StaffUserStore users;
  private final StaffUsers staffUsers;
  private final PasswordHasher hasher;
  private final ApiTokens tokens;
  private final LoginThrottle throttle;
  private final AuditTrail audit;
  private final String dummyHash;
  private final org.jdbi.v3.core.Jdbi jdbi;

  public SignIn(
      Database database,
      PasswordHasher hasher,
      StaffUsers staffUsers,
      ApiTokens tokens,
      AuditTrail audit,
      Clock clock) {
    this.jdbi = database.jdbi();
    this.users = new StaffUserStore(database);
    this.staffUsers = staffUsers;
    this.hasher = hasher;
    this.tokens = tokens;
    this.throttle = new LoginThrottle(database.jdbi(), clock);
    this.audit = audit;
    this.dummyHash = hasher.unmatchable();
  }

  /**
   * @throws UnauthenticatedException for any wrong credential, always with the same message
   * @throws RateLimitedException while the name is delayed or locked
   */
  public Session signIn(String username, String password) {
    String key = Credentials.throttleKey(username);
    try {
      throttle.check(key);
    } catch (RateLimitedException e) {
      audit.record(ANONYMOUS, "auth.sign-in", "login-name", key, "denied", "reason=throttled");
      throw e;
    }
    Optional<StaffUserStore.WithHash> found = users.findWithHash(Credentials.normalize(username));
    boolean matches =
        hasher.verify(
            password == null ? "" : password,
            found.map(StaffUserStore.WithHash::passwordHash).orElse(dummyHash));
    if (!matches || found.isEmpty() || found.get().user().disabled()) {
      throttle.recordFailure(key);
      String reason = found.isEmpty() ? "unknown" : matches ? "disabled" : "wrong-password";
      audit.record(
          ANONYMOUS,
          "auth.sign-in",
          found.isEmpty() ? "login-name" : "staff-user",
          found.map(f -> f.user().id().toString()).orElse(key),
          "denied",
          "reason=" + reason);
      throw new UnauthenticatedException(WRONG);
    }
    throttle.reset(key);
    StaffUser user = found.get().user();
    String rehashed = hasher.needsRehash(found.get().passwordHash()) ? hasher.hash(password) : null;
    Set<Permission> scopes =
        user.mustChangePassword() ? Set.of(Permission.TOKENS_MANAGE) : user.role().permissions();
    IssuedToken issued =
        jdbi.inTransaction(
            handle -> {
              if (rehashed != null) {
                StaffUserStore.setPassword(handle, user.id(), rehashed, user.mustChangePassword());
              }
              IssuedToken session =
                  tokens.issueSession(handle, user.id(), scopes, SESSION_LIFETIME);
              audit.record(
                  handle,
                  ANONYMOUS,
                  "auth.sign-in",
                  "staff-user",
                  user.id().toString(),
                  "ok",
                  "token=" + session.token().id());
              return session;
            });
    return new Session(
        issued.secret(),
        issued.token().id(),
        issued.token().expiresAt(),
        user.id(),
        user.role(),
        scopes,
        user.mustChangePassword());
  }

  /** Revokes the token the caller is calling with. */
  public void signOut(Principal caller) {
    tokens.revoke(caller, tokenOf(caller));
  }

  /**
   * Changes the caller's own password after checking the current one (a wrong one counts as a
   * failed sign-in), then ends all of the caller's sessions: sign in again with the new password.
   */
  public void changePassword(Principal caller, String currentPassword, String newPassword) {
    if (!(caller instanceof Principal.Staff staff)) {
      throw new ForbiddenException("only staff users have a password");
    }
    StaffUser user =
        staffUsers.find(staff.userId()).orElseThrow(() -> new UnauthenticatedException(WRONG));
    String key = Credentials.throttleKey(user.username());
    throttle.check(key);
    String stored = users.findWithHash(user.username()).orElseThrow().passwordHash();
    if (!hasher.verify(currentPassword == null ? "" : currentPassword, stored)) {
      throttle.recordFailure(key);
      throw invalid("currentPassword", "the current password is not correct");
    }
    if (java.util.Objects.equals(currentPassword, newPassword)) {
      throw invalid("newPassword", "the new password must differ from the current one");
    }
    staffUsers.changePassword(
        caller, user.id(), newPassword, handle -> tokens.revokeSessions(handle, user.id()));
  }

  private static java.util.UUID tokenOf(Principal caller) {
    if (caller instanceof Principal.Staff staff && staff.tokenId() != null) {
      return staff.tokenId();
    }
    if (caller instanceof Principal.Client client) {
      return client.tokenId();
    }
    throw new ForbiddenException("only a caller with a token can sign out");
  }

  private static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException(message, List.of(new FieldProblem(field, message)));
  }
}
