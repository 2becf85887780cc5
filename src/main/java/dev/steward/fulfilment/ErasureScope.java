package dev.steward.fulfilment;

import java.util.List;

/**
 * What an erasure covers and what it keeps.
 *
 * @param collectedFromSubjectOnly CCPA deletion: only what was collected from the consumer (Civ.
 *     Code 1798.105(a)); GDPR erasure covers everything
 * @param keep categories an exemption keeps, each with the exemption relied on
 */
public record ErasureScope(boolean collectedFromSubjectOnly, List<Keep> keep) {
  public ErasureScope {
    keep = List.copyOf(keep);
  }

  /** A category kept under the policy's exemption {@code exemptionId}, for {@code years}. */
  public record Keep(String category, String exemptionId, String ground, int years) {}
}
