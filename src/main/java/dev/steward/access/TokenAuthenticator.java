package dev.steward.access;

import dev.steward.error.UnauthenticatedException;
import dev.steward.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Authenticates {@code Authorization: Bearer stw_...} against the stored SHA-256 of API tokens and
 * sign-in sessions, and {@code Bearer sts_...} against subject sessions ({@link SubjectSessions}).
 * A malformed, unknown, revoked or expired token, or one whose owner is disabled, gets the same
 * answer, so a caller learns nothing about which it was. Last use is recorded at most once a minute
 * per token, never on every call. Thread-safe; holds no state of its own, so any node sees a
 * revocation made on another at once.
 */
public final class TokenAuthenticator implements Authenticator {
  static final String INVALID = "the bearer token is not valid";
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
  private final ApiTokenStore store;
  private final SubjectSessions sessions;
  private final Clock clock;

  public TokenAuthenticator(Database database, Clock clock) {
    this.store = new ApiTokenStore(database.jdbi());
    this.sessions = new SubjectSessions(database.jdbi(), clock);
    this.clock = clock;
  }

  @Override
  public Principal authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return new Principal.Anonymous();
    }
    String[] parts = authorization.strip().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
      throw new UnauthenticatedException(INVALID);
    }
    if (Secrets.looksLikeSessionToken(parts[1])) {
      return sessions.find(parts[1]).orElseThrow(() -> new UnauthenticatedException(INVALID));
    }
    if (!Secrets.looksLikeToken(parts[1])) {
      throw new UnauthenticatedException(INVALID);
    }
    Instant now = clock.instant();
    ApiTokenStore.Presented presented =
        store
            .findByHash(Secrets.sha256Hex(parts[1]))
            .filter(p -> p.token().isActive(now) && !p.ownerDisabled())
            .orElseThrow(() -> new UnauthenticatedException(INVALID));
    ApiToken token = presented.token();
    Principal principal =
        principal(presented).orElseThrow(() -> new UnauthenticatedException(INVALID));
    Instant staleBefore = now.minus(TOUCH_INTERVAL);
    if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(staleBefore)) {
      store.touch(token.id(), Rows.now(clock), staleBefore);
    }
    return principal;
  }

  private static Optional<Principal> principal(ApiTokenStore.Presented presented) {
    ApiToken token = presented.token();
    if (token.owner().kind() == TokenOwner.Kind.STAFF) {
      return Role.fromId(String.valueOf(presented.ownerRole()))
          .map(role -> new Principal.Staff(token.owner().id(), role, token.scopes(), token.id()));
    }
    return ClientKind.fromId(String.valueOf(presented.clientKind()))
        .map(kind -> new Principal.Client(token.owner().id(), kind, token.scopes(), token.id()));
  }
}
