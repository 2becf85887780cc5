package dev.steward.fulfilment;

import java.time.Instant;
import java.util.Set;

/**
 * One item a system holds about a subject, as returned for access and portability. Holds personal
 * data; {@link #toString()} shows none.
 *
 * @param id the system's own id of the item (a vault record id, a row key ...)
 * @param source the policy's source id, which says whether the person provided it
 */
public record DataItem(
    String system,
    String id,
    String category,
    String source,
    Set<String> purposes,
    String legalBasis,
    Instant collectedAt,
    String value) {
  public DataItem {
    purposes = Set.copyOf(purposes);
  }

  DataItem withValue(String replacement) {
    return new DataItem(
        system, id, category, source, purposes, legalBasis, collectedAt, replacement);
  }

  @Override
  public String toString() {
    return "DataItem[" + system + ", " + id + ", " + category + ", value hidden]";
  }
}
