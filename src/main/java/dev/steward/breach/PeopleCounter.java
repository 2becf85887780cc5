package dev.steward.breach;

import java.time.Instant;
import java.util.Set;

/**
 * A connected system of the data map that can count the people it holds, so a breach's count covers
 * more than the vault. A system without one is reported as unknown. Implementations answer a count
 * only, never who; they must be thread-safe.
 */
public interface PeopleCounter {
  /** The id of the policy's data-map system this counts for. */
  String systemId();

  /**
   * How many distinct people the system holds data about in {@code categories} (a category takes
   * its sub-categories) collected in {@code [from, to)}, either end open when null.
   */
  long countPeople(Set<String> categories, Instant from, Instant to);
}
