package dev.steward.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.steward.calendar.Calendars;

/**
 * The holiday calendars of published policy versions, built once per version: building them reads
 * jollyday's data, which is too slow for each clock a request or an incident asks for. Bounded, as
 * a node that lives through many publications needs only the recent ones. Thread-safe.
 */
public final class CalendarsByVersion {
  private static final int VERSIONS_KEPT = 8;
  private final Cache<String, Calendars> built =
      Caffeine.newBuilder().maximumSize(VERSIONS_KEPT).build();

  /** The calendars {@code policy} declares, built on first use. */
  public Calendars of(PublishedPolicy policy) {
    return built.get(policy.contentHash(), hash -> Calendars.of(policy.policy().calendars()));
  }
}
