package dev.steward.vault;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A subject the vault erased, as an {@link ErasureListener} hears of it.
 *
 * @param subjectId the erased subject
 * @param mergedIds the subjects merged into it before, directly or through others: copies made
 *     under those ids are the same person's
 * @param requestId the request the erasure names (a rights request's id or reference, or staff's
 *     own reference), or null
 */
public record ErasedSubject(UUID subjectId, Set<UUID> mergedIds, String requestId) {
  public ErasedSubject {
    mergedIds = Set.copyOf(mergedIds);
  }

  /** The subject's id and every id merged into it. */
  public Set<UUID> allIds() {
    Set<UUID> all = new HashSet<>(mergedIds);
    all.add(subjectId);
    return Set.copyOf(all);
  }
}
