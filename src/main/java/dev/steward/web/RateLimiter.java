package dev.steward.web;

import dev.steward.error.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client address and public kind. Each node limits on its own: a limit is a guard
 * against floods, not shared state, so several nodes behind a balancer allow at most nodes × rate,
 * which the settings account for. The map is bounded: when it grows past its cap, full buckets
 * (idle callers) are dropped.
 */
public final class RateLimiter {
  private static final int MAX_TRACKED = 100_000;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
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
  }

  /** Takes one token for {@code key}, or throws with the time until the next one. */
  public void acquire(String key) {
    if (buckets.size() > MAX_TRACKED) {
      prune();
    }
    long now = clock.millis();
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
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

  private void prune() {
    long now = clock.millis();
    buckets
        .entrySet()
        .removeIf(
            entry -> {
              synchronized (entry.getValue()) {
                entry.getValue().refill(now, perSecond, burst);
                return entry.getValue().tokens >= burst;
              }
            });
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
