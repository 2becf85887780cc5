package dev.steward.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.access.MutableClock;
import dev.steward.error.RateLimitedException;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RateLimiterTest {

  @Property(tries = 300)
  void refusedCaller_thatWaitsTheAnnouncedRetryAfter_isServed(
      @ForAll @IntRange(min = 1, max = 6_000) int perMinute,
      @ForAll @IntRange(min = 1, max = 20) int burst,
      @ForAll @IntRange(min = 0, max = 5_000) int millisBetweenCalls) {
    MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    RateLimiter limiter = new RateLimiter(perMinute, burst, clock);
    RateLimitedException refused =
        catchThrowableOfType(RateLimitedException.class, () -> limiter.acquire("k"));
    for (int call = 1; call <= burst * 4 && refused == null; call++) {
      clock.advance(Duration.ofMillis(millisBetweenCalls));
      refused = catchThrowableOfType(RateLimitedException.class, () -> limiter.acquire("k"));
    }
    if (refused == null) {
      return; // called slower than the rate: never refused
    }
    clock.advance(Duration.ofSeconds(Problems.retryAfterSeconds(refused.retryAfter())));

    limiter.acquire("k");
  }

  @Property(tries = 300)
  void refusedCaller_thatWaitsTheExactWait_isServed(
      @ForAll @IntRange(min = 1, max = 6_000) int perMinute,
      @ForAll @IntRange(min = 1, max = 20) int burst) {
    MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    RateLimiter limiter = new RateLimiter(perMinute, burst, clock);
    for (int call = 0; call < burst; call++) {
      limiter.acquire("k");
    }
    RateLimitedException refused =
        catchThrowableOfType(RateLimitedException.class, () -> limiter.acquire("k"));
    assertThat(refused).isNotNull();
    clock.advance(refused.retryAfter());

    limiter.acquire("k");
  }

  @org.junit.jupiter.api.Test
  void drainedCaller_amongManyOtherAddresses_isStillRefused() {
    MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    RateLimiter limiter = new RateLimiter(60, 2, clock);
    limiter.acquire("drained");
    limiter.acquire("drained");
    for (int i = 0; i < 50_000; i++) {
      limiter.acquire("10.0." + (i >> 8) + "." + (i & 255));
    }

    assertThat(catchThrowableOfType(RateLimitedException.class, () -> limiter.acquire("drained")))
        .isNotNull();
  }
}
