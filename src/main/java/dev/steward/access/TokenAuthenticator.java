package dev.steward.access;

import dev.steward.error.UnauthenticatedException;
import dev.steward.principal.Authenticator;
import dev.steward.principal.ClientKind;
import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import dev.steward.store.Database;
import dev.steward.store.Generations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates {@code Authorization: Bearer stw_...} against the stored SHA-256 of API tokens and
 * sign-in sessions, and {@code Bearer sts_...} against subject sessions ({@link SubjectSessions}).
 * A malformed, unknown, revoked or expired token, or one whose owner is disabled, gets the same
 * answer, so a caller learns nothing about which it was. Last use is recorded at most once a minute
 * per token, never on every call.
 *
 * <p>A token found valid is remembered, by its hash, together with the store's {@code credentials}
 * generation ({@link Generations}), which every revocation and every disabling of a user or client
 * account bumps in its own transaction. A remembered token is trusted only while that generation
 * stands still and its expiry has not passed, so the store is asked again after any such change: at
 * once when the change was made through this node, within {@link Generations#MAX_AGE} when it was
 * made on another node or by the CLI. Whatever the generation says, a token trusted for {@link
 * #MAX_TRUST} is looked up again: a change that bypassed the counter (a revocation typed into the
 * database during an incident, a store restored from a backup, a node of an older build) is seen
 * within that time. Unknown and refused tokens are never remembered. Thread-safe.
 */
public final class TokenAuthenticator implements Authenticator {
  static final String INVALID = "the bearer token is not valid";
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
  // Tokens in use at once are few (integrations, signed-in staff); past this, start over.
  private static final int MAX_REMEMBERED = 10_000;

  /** How long a remembered token is trusted before the store is asked again, changes or not. */
  public static final Duration MAX_TRUST = Duration.ofSeconds(30);

  /**
   * A token found valid, as of {@code generation}, looked up at {@code foundAtNanos}; {@code
   * lastUsedAt} as last recorded.
   */
  private record Known(
      ApiToken token,
      Principal principal,
      long generation,
      long foundAtNanos,
      Instant lastUsedAt) {}

  private final ApiTokenStore store;
  private final SubjectSessions sessions;
  private final Generations generations;
  private final Clock clock;
  // A plain map, not a cache library's: this is read on every authenticated call, and a profile of
  // GET /api/v1/policy/versions showed a bounded, expiring cache's read bookkeeping costing more
  // than the rest of the check. Trust is bounded by the checks in authenticate, size below.
  private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
  private final long maxTrustNanos;

  public TokenAuthenticator(Database database, Clock clock) {
    this(database, clock, MAX_TRUST);
  }

  TokenAuthenticator(Database database, Clock clock, Duration maxTrust) {
    this.maxTrustNanos = maxTrust.toNanos();
    this.generations = database.generations();
    this.store = new ApiTokenStore(database.jdbi(), generations);
    this.sessions = new SubjectSessions(database.jdbi(), clock);
    this.clock = clock;
  }

  @Override
  public Principal authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return new Principal.Anonymous();
    }
    String presented = bearer(authorization);
    if (Secrets.looksLikeSessionToken(presented)) {
      return sessions.find(presented).orElseThrow(() -> new UnauthenticatedException(INVALID));
    }
    if (!Secrets.looksLikeToken(presented)) {
      throw new UnauthenticatedException(INVALID);
    }
    Instant now = clock.instant();
    String hash = Secrets.sha256Hex(presented);
    // Read before the store: a revocation committed after this read bumps the generation, so the
    // token is looked up again on its next use.
    long generation = generations.current(ApiTokenStore.CREDENTIALS);
    Known found = known.get(hash);
    if (found == null
        || found.generation() != generation
        || System.nanoTime() - found.foundAtNanos() >= maxTrustNanos) {
      found = lookUp(hash, now, generation);
    }
    if (!found.token().isActive(now)) {
      known.remove(hash, found);
      throw new UnauthenticatedException(INVALID);
    }
    Instant staleBefore = now.minus(TOUCH_INTERVAL);
    if (found.lastUsedAt() == null || found.lastUsedAt().isBefore(staleBefore)) {
      store.touch(found.token().id(), Rows.now(clock), staleBefore);
      known.replace(hash, found, withLastUse(found, now));
    }
    return found.principal();
  }

  /**
   * The credentials of {@code Bearer CREDENTIALS} (scheme in any case, separated by white space),
   * read without a regular expression: this runs on every authenticated call.
   */
  static String bearer(String authorization) {
    String value = authorization.strip();
    int end = 0;
    while (end < value.length() && !Character.isWhitespace(value.charAt(end))) {
      end++;
    }
    int start = end;
    while (start < value.length() && Character.isWhitespace(value.charAt(start))) {
      start++;
    }
    if (start == value.length() || !value.substring(0, end).equalsIgnoreCase("bearer")) {
      throw new UnauthenticatedException(INVALID);
    }
    return value.substring(start);
  }

  private Known lookUp(String hash, Instant now, long generation) {
    known.remove(hash);
    ApiTokenStore.Presented presented =
        store
            .findByHash(hash)
            .filter(p -> p.token().isActive(now) && !p.ownerDisabled())
            .orElseThrow(() -> new UnauthenticatedException(INVALID));
    Principal principal =
        principal(presented).orElseThrow(() -> new UnauthenticatedException(INVALID));
    Known found =
        new Known(
            presented.token(),
            principal,
            generation,
            System.nanoTime(),
            presented.token().lastUsedAt());
    if (known.size() >= MAX_REMEMBERED) {
      known.clear();
    }
    known.put(hash, found);
    return found;
  }

  private static Known withLastUse(Known found, Instant at) {
    return new Known(
        found.token(), found.principal(), found.generation(), found.foundAtNanos(), at);
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
