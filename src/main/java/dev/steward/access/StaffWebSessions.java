package dev.steward.access;

import dev.steward.error.RateLimitedException;
import dev.steward.error.UnauthenticatedException;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import dev.steward.web.WebSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The console's cookie sessions, on top of {@link SignIn}: the cookie carries the very session
 * token the API's sign-in issues, so throttling, locks, revocation and the absolute lifetime of
 * {@link SignIn#SESSION_LIFETIME} are the same, and this adds an idle timeout. Only sign-in
 * sessions are taken from a cookie, never API tokens. Thread-safe.
 */
public final class StaffWebSessions implements WebSessions {
  /** A console left alone this long signs out (OWASP ASVS 3.3.2: idle timeout). */
  public static final Duration IDLE = Duration.ofMinutes(30);

  private final SignIn signIn;
  private final StaffUsers users;
  private final ApiTokenStore store;
  private final TokenAuthenticator authenticator;
  private final Clock clock;

  public StaffWebSessions(Database database, SignIn signIn, StaffUsers users, Clock clock) {
    this.signIn = signIn;
    this.users = users;
    this.store = new ApiTokenStore(database.jdbi(), database.generations());
    this.authenticator = new TokenAuthenticator(database, clock);
    this.clock = clock;
  }

  /**
   * Signs in and ends the session the browser held before, if any, so a session secret planted in
   * the browser beforehand is worth nothing after sign-in.
   *
   * @return the new session's secret, for the cookie, and whether a new password is due first
   * @throws UnauthenticatedException for any wrong credential
   * @throws RateLimitedException while the name is delayed or locked
   */
  public Started signIn(String username, String password, Optional<String> previousSecret) {
    Session session = signIn.signIn(username, password);
    previousSecret.flatMap(this::authenticate).ifPresent(this::signOutQuietly);
    return new Started(session.token(), session.mustChangePassword());
  }

  /** A new console session's cookie value, shown to nobody else. */
  public record Started(String secret, boolean mustChangePassword) {
    @Override
    public String toString() {
      return "Started[mustChangePassword=" + mustChangePassword + "]";
    }
  }

  @Override
  public Optional<Principal> authenticate(String secret) {
    if (secret == null || !Secrets.looksLikeToken(secret)) {
      return Optional.empty();
    }
    Optional<ApiTokenStore.Presented> found = store.findByHash(Secrets.sha256Hex(secret));
    if (found.isEmpty() || !ApiToken.SESSION.equals(found.get().token().name())) {
      return Optional.empty();
    }
    ApiToken token = found.get().token();
    Instant lastActive = token.lastUsedAt() == null ? token.createdAt() : token.lastUsedAt();
    Principal principal;
    try {
      principal = authenticator.authenticate("Bearer " + secret);
    } catch (UnauthenticatedException e) {
      return Optional.empty();
    }
    if (lastActive.plus(IDLE).isBefore(clock.instant())) {
      signOutQuietly(principal);
      return Optional.empty();
    }
    return Optional.of(principal);
  }

  @Override
  public boolean mustChangePassword(Principal caller) {
    return caller instanceof Principal.Staff staff
        && users.find(staff.userId()).map(StaffUser::mustChangePassword).orElse(false);
  }

  /** Ends the caller's session. */
  public void signOut(Principal caller) {
    signIn.signOut(caller);
  }

  /**
   * Changes the caller's password (which ends all their sessions), then signs in anew with it.
   *
   * @return the new session's secret
   */
  public Started changePassword(Principal caller, String currentPassword, String newPassword) {
    if (!(caller instanceof Principal.Staff staff)) {
      throw new UnauthenticatedException(SignIn.WRONG);
    }
    String username =
        users
            .find(staff.userId())
            .map(StaffUser::username)
            .orElseThrow(() -> new UnauthenticatedException(SignIn.WRONG));
    signIn.changePassword(caller, currentPassword, newPassword);
    Session session = signIn.signIn(username, newPassword);
    return new Started(session.token(), session.mustChangePassword());
  }

  private void signOutQuietly(Principal caller) {
    try {
      signIn.signOut(caller);
    } catch (RuntimeException e) {
      // Already revoked, or owned by someone else: either way it no longer signs anyone in.
    }
  }
}
