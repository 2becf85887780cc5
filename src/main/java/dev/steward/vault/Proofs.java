package dev.steward.vault;

import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Which subject an identity leads to, with and without a proof (docs/vault.md, "Linking").
 *
 * <p>An identity that identifies one person leads to its holder when the holder holds it by proof,
 * or when no proof has confirmed the holder at all (everything it holds then came with one unproven
 * submission that claimed the identity, so its data goes to whoever owns the identity). An identity
 * a confirmed subject holds only by assertion leads nowhere: it was typed in before the subject was
 * confirmed through another identity, and its owner has shown nothing yet.
 *
 * <p>A proof does more: the subjects made from unproven submissions that claimed the identity (open
 * {@link LinkCandidates}) are merged into the one it leads to, and the identity is held by proof
 * from then on. Names, postal addresses and IP addresses never lead anywhere.
 */
final class Proofs {
  private final VaultContext vault;
  private final Linker linker;

  Proofs(VaultContext vault, Linker linker) {
    this.vault = vault;
    this.linker = linker;
  }

  /**
   * The subject that a proof of every one of {@code hashes} leads to, after linking its claimants;
   * empty when the proofs lead to no subject or to more than one. Runs in the caller's transaction.
   *
   * @param evidence what proved it, for the audit entry and the candidates, e.g. {@code
   *     request:<id>}
   */
  Optional<UUID> proven(
      Handle handle,
      Principal actor,
      Collection<String> hashes,
      IdentityProof proof,
      String evidence) {
    Checks.permit(vault, actor, Permission.SUBJECT_WRITE, "subject.prove", "-");
    Set<UUID> reached = new LinkedHashSet<>();
    int merged = 0;
    Instant now = vault.clock().instant();
    for (String hash : hashes) {
      Optional<SubjectRows.Holding> holder = SubjectRows.holderOf(handle, hash);
      Optional<UUID> led = holder.flatMap(h -> leadsTo(handle, h));
      if (holder.isPresent() && led.isEmpty()) {
        continue;
      }
      List<LinkCandidates.Claimant> claimants = LinkCandidates.unconfirmedClaimants(handle, hash);
      if (led.isEmpty() && claimants.isEmpty()) {
        continue;
      }
      UUID survivor = led.orElseGet(() -> claimants.get(0).subjectId());
      for (LinkCandidates.Claimant claimant : claimants) {
        UUID current = SubjectRows.live(handle, claimant.subjectId()).orElseThrow().id();
        if (!current.equals(survivor)) {
          linker.merge(handle, actor, survivor, current, evidence);
          merged++;
        }
      }
      if (led.isPresent()) {
        SubjectRows.prove(handle, hash, survivor, proof);
      } else {
        SubjectRows.insertIdentity(handle, hash, survivor, claimants.get(0).type(), proof, now);
      }
      reached.add(survivor);
    }
    Optional<UUID> subject =
        reached.size() == 1 ? Optional.of(reached.iterator().next()) : Optional.empty();
    vault
        .audit()
        .record(
            handle,
            actor,
            "subject.prove",
            "subject",
            subject.map(UUID::toString).orElse("-"),
            subject.isPresent() ? "ok" : reached.isEmpty() ? "none" : "several",
            "by=" + evidence + " proof=" + proof.id() + " merged=" + merged);
    return subject;
  }

  /**
   * The subject the identities lead to without a proof, changing nothing; empty when they lead to
   * none or to more than one.
   */
  Optional<UUID> reached(Handle handle, Collection<String> hashes) {
    Set<UUID> reached = new LinkedHashSet<>();
    for (String hash : hashes) {
      SubjectRows.holderOf(handle, hash).flatMap(h -> leadsTo(handle, h)).ifPresent(reached::add);
    }
    return reached.size() == 1 ? Optional.of(reached.iterator().next()) : Optional.empty();
  }

  /**
   * For CCPA data-point matching (11 CCR §7062): how many of the identities each live subject
   * holds. An identity that identifies one person counts for the subject it leads to; a name or an
   * address counts for every subject that holds it.
   */
  java.util.Map<UUID, Integer> matches(Handle handle, java.util.Map<String, IdentityType> hashes) {
    java.util.Map<UUID, Integer> counts = new java.util.HashMap<>();
    for (java.util.Map.Entry<String, IdentityType> entry : hashes.entrySet()) {
      Set<UUID> holders = new LinkedHashSet<>();
      if (entry.getValue().identifiesOnePerson()) {
        SubjectRows.holderOf(handle, entry.getKey())
            .flatMap(h -> leadsTo(handle, h))
            .ifPresent(holders::add);
      } else {
        for (UUID id : SubjectRows.holdersOf(handle, entry.getKey())) {
          SubjectRows.live(handle, id).map(SubjectRows.Row::id).ifPresent(holders::add);
        }
      }
      holders.forEach(id -> counts.merge(id, 1, Integer::sum));
    }
    return counts;
  }

  /** The live holder, if the identity leads to it (see the class comment). */
  static Optional<UUID> leadsTo(Handle handle, SubjectRows.Holding holding) {
    return SubjectRows.live(handle, holding.subjectId())
        .map(SubjectRows.Row::id)
        .filter(id -> holding.proof().proves() || !SubjectRows.isConfirmed(handle, id));
  }
}
