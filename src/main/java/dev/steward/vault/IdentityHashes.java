package dev.steward.vault;

import dev.steward.vault.VaultVocabulary.Term;
import java.time.Instant;
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

  /**
   * Adds the hashes to the subject with {@code proof}; returns how many were new. An identity the
   * subject already holds is kept, its proof raised if this one is stronger; one that identifies
   * one person and another subject holds is an {@link IdentityConflictException}. Only identities
   * that identify one person can bring back an erased person: many people share a name.
   */
  static int attach(
      Handle handle,
      UUID subjectId,
      Map<String, IdentityType> hashes,
      ReturningPerson returning,
      IdentityProof proof,
      Instant now) {
    int fresh = 0;
    for (Map.Entry<String, IdentityType> entry : hashes.entrySet()) {
      String hash = entry.getKey();
      IdentityType type = entry.getValue();
      if (!type.identifiesOnePerson()) {
        if (!SubjectRows.holds(handle, hash, subjectId)) {
          SubjectRows.insertIdentity(handle, hash, subjectId, type, proof, now);
          fresh++;
        }
        continue;
      }
      Optional<SubjectRows.Holding> holder = SubjectRows.holderOf(handle, hash);
      if (holder.isPresent()) {
        if (!holder.get().subjectId().equals(subjectId)) {
          throw new IdentityConflictException(type, holder.get().subjectId());
        }
        SubjectRows.prove(handle, hash, subjectId, proof);
        continue;
      }
      if (returning == ReturningPerson.REFUSE) {
        Optional<IdentityMatch.Erased> erased = SubjectRows.erasedWith(handle, hash);
        if (erased.isPresent()) {
          throw new ReturningPersonException(type, erased.get());
        }
      }
      SubjectRows.insertIdentity(handle, hash, subjectId, type, proof, now);
      fresh++;
    }
    return fresh;
  }

  /**
   * Adds what an unproven submission gave to the new subject it made, as asserted: an identity that
   * identifies one person and another subject holds stays with that subject and becomes a {@link
   * LinkCandidates link candidate} instead (docs/vault.md, "Linking"). Returns how many candidates
   * were made.
   */
  static int claim(Handle handle, UUID subjectId, Map<String, IdentityType> hashes, Instant now) {
    int candidates = 0;
    for (Map.Entry<String, IdentityType> entry : hashes.entrySet()) {
      String hash = entry.getKey();
      IdentityType type = entry.getValue();
      Optional<SubjectRows.Holding> holder =
          type.identifiesOnePerson() ? SubjectRows.holderOf(handle, hash) : Optional.empty();
      if (holder.isPresent()) {
        LinkCandidates.insert(handle, subjectId, holder.get().subjectId(), type, hash, now);
        candidates++;
      } else {
        SubjectRows.insertIdentity(handle, hash, subjectId, type, IdentityProof.ASSERTED, now);
      }
    }
    return candidates;
  }
}
