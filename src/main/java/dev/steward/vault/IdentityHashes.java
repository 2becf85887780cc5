package dev.steward.vault;

import dev.steward.vault.VaultVocabulary.Term;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Turning incoming identities into keyed hashes, and attaching them to a subject: skipping ones it
 * has, refusing ones another subject has, and (if asked) ones an erased subject had.
 */
final class IdentityHashes {
  private IdentityHashes() {}

  /** Hashes each identity, noting unknown types and malformed values as field problems. */
  static Map<String, IdentityType> of(
      VaultContext vault, Checks checks, List<Identity> identities) {
    Map<String, IdentityType> hashes = new LinkedHashMap<>();
    for (int i = 0; i < identities.size(); i++) {
      Identity identity = identities.get(i);
      if (!identity.type().isBuiltIn()) {
        checks.known(Term.IDENTITY_TYPE, identity.type().id(), "identities/" + i + "/type");
      }
      try {
        hashes.put(vault.index().hash(identity), identity.type());
      } catch (InvalidIdentityException e) {
        checks.problem("identities/" + i + "/value", e.getMessage());
      }
    }
    return hashes;
  }

  /** Adds the hashes to the subject; returns how many were new. */
  static int attach(
      Handle handle,
      UUID subjectId,
      Map<String, IdentityType> hashes,
      ReturningPerson returning,
      Instant now) {
    List<String> fresh = new ArrayList<>();
    for (Map.Entry<String, IdentityType> entry : hashes.entrySet()) {
      Optional<UUID> owner = SubjectRows.ownerOf(handle, entry.getKey());
      if (owner.isPresent() && !owner.get().equals(subjectId)) {
        throw new IdentityConflictException(entry.getValue(), owner.get());
      }
      if (owner.isEmpty() && returning == ReturningPerson.REFUSE) {
        Optional<IdentityMatch.Erased> erased = SubjectRows.erasedWith(handle, entry.getKey());
        if (erased.isPresent()) {
          throw new ReturningPersonException(entry.getValue(), erased.get());
        }
      }
      if (owner.isEmpty()) {
        fresh.add(entry.getKey());
        SubjectRows.insertIdentity(handle, entry.getKey(), subjectId, entry.getValue().id(), now);
      }
    }
    return fresh.size();
  }
}
