package dev.steward.access;

import dev.steward.error.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Failed sign-ins per throttle key (SHA-256 of the lower-cased user name), kept in the store so
 * every node sees the same count. The first two failures cost nothing; from the third the name
 * waits 1, 2, 4 ... up to 60 seconds before the next try; the tenth failure within 15 minutes locks
 * it for 15 minutes. A quiet quarter of an hour starts the count again.
 */
final class LoginThrottle {
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration LOCK = Duration.ofMinutes(15);
  static final int LOCK_AT = 10;
  private static final int FREE_FAILURES = 2;
  private static final long MAX_DELAY_SECONDS = 60;
  private final Jdbi jdbi;
  private final Clock clock;

  LoginThrottle(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  private record State(int failures, Instant lastFailure, Instant lockedUntil) {}

  /** Refuses with the time to wait while the name is locked or still in its delay. */
  void check(String key) {
    Instant now = clock.instant();
    Optional<State> state = jdbi.withHandle(handle -> read(handle, key, false));
    if (state.isEmpty()) {
      return;
    }
    Instant notBefore = notBefore(state.get());
    if (now.isBefore(notBefore)) {
      throw new RateLimitedException(
          "too many failed sign-ins; try again later", Duration.between(now, notBefore));
    }
  }

  void recordFailure(String key) {
    Instant now = Rows.now(clock);
    jdbi.useTransaction(
        handle -> {
          // Another node may create the row at the same moment; the lock below orders us.
          handle.execute(
              "insert into login_throttle (key_hash, failures, last_failure, locked_until)"
                  + " values (?, 0, ?, null) on conflict do nothing",
              key,
              Rows.at(now));
          State state = read(handle, key, true).orElseThrow();
          boolean windowOver = state.lastFailure().isBefore(now.minus(WINDOW));
          int failures = windowOver ? 1 : state.failures() + 1;
          handle.execute(
              "update login_throttle set failures = ?, last_failure = ?, locked_until = ?"
                  + " where key_hash = ?",
              failures,
              Rows.at(now),
              Rows.at(failures >= LOCK_AT ? now.plus(LOCK) : null),
              key);
        });
  }

  void reset(String key) {
    jdbi.useHandle(handle -> handle.execute("delete from login_throttle where key_hash = ?", key));
  }

  private static Instant notBefore(State state) {
    if (state.lockedUntil() != null) {
      return state.lockedUntil();
    }
    if (state.failures() <= FREE_FAILURES) {
      return Instant.MIN;
    }
    long delay =
        Math.min(MAX_DELAY_SECONDS, 1L << Math.min(30, state.failures() - 1 - FREE_FAILURES));
    return state.lastFailure().plusSeconds(delay);
  }

  private static Optional<State> read(Handle handle, String key, boolean forUpdate) {
    return handle
        .select(
            "select failures, last_failure, locked_until from login_throttle where key_hash = ?"
                + (forUpdate ? " for update" : ""),
            key)
        .map(
            (rs, ctx) ->
                new State(
                    rs.getInt("failures"),
                    Rows.instant(rs, "last_failure"),
                    Rows.instant(rs, "locked_until")))
        .findOne();
  }
}
