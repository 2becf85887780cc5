package dev.steward.vault;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Where a record came from and why it is held: the source, the system that holds it, the purposes,
 * the legal basis (a DPV id), when it was collected and which notice version the person was shown.
 *
 * @param noticeVersion may be null when the data was not collected from the person
 */
public record Provenance(
    String source,
    String system,
    Set<String> purposes,
    String legalBasis,
    Instant collectedAt,
    String noticeVersion) {
  public Provenance {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(system, "system");
    purposes = Set.copyOf(purposes);
    Objects.requireNonNull(legalBasis, "legalBasis");
    Objects.requireNonNull(collectedAt, "collectedAt");
  }
}
