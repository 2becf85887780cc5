package dev.steward.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.steward.error.RateLimitedException;
import java.time.Clock;
import java.time.Duration;

/**
 * Token buckets per client address and public kind. Each node limits on its own: a limit is a guard
 * against floods, not shared state, so several nodes behind a balancer allow at most nodes × rate,
 * which the settings account for. Buckets live in a bounded cache: a bucket idle long enough to
 * have refilled is dropped (a new one is the same), and past the cap the least recently used go, so
 * a flood from many addresses costs each check the same as a few addresses do.
 */
public final class RateLimiter {
  private static final int MAX_TRACKED = 100_000;
  private final Cache<String, Bucket> buckets;
  private final double perSecond;
  private final double burst;
  private final Clock clock;

  public RateLimiter(int perMinute, int burst, Clock clock) {
    if (perMinute < 1 || burst < 1) {
      throw new IllegalArgumentException("rate limits cannot be less than 1");
    }
    this.perSecond = perMinute / 60.0;
    this.burst = burst;
    this.clock = clock;
    long refillMillis = (long) Math.ceil(burst / perSecond * 1000);
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED)
            .expireAfterAccess(Duration.ofMillis(Math.max(1_000, refillMillis)))
            .build();
  }

  /** Takes one token for {@code key}, or throws with the time until the next one. */
  public void acquire(String key) {
    long now = clock.millis();
    Bucket bucket = buckets.get(key, k -> new Bucket(burst, now));
    double wait;
    synchronized (bucket) {
      bucket.refill(now, perSecond, burst);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      wait = (1 - bucket.tokens) / perSecond;
    }
    throw new RateLimitedException(
        "too many requests; try again shortly", Duration.ofMillis((long) Math.ceil(wait * 1000)));
  }

  private static final class Bucket {
    double tokens;
    long updatedAt;

    Bucket(double tokens, long updatedAt) {
      this.tokens = tokens;
      this.updatedAt = updatedAt;
    }

    void refill(long now, double perSecond, double burst) {
      // A wall clock stepped back (NTP) must not drain the bucket for as long as it stepped.
      long elapsed = Math.max(0, now - updatedAt);
      tokens = Math.min(burst, tokens + elapsed / 1000.0 * perSecond);
      updatedAt = now;
    }
  }
}
