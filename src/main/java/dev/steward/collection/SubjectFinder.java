package dev.steward.collection;

import dev.steward.access.Principal;
import dev.steward.error.ConflictException;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityConflictException;
import dev.steward.vault.IdentityMatch;
import dev.steward.vault.NewSubject;
import dev.steward.vault.ReturningPerson;
import dev.steward.vault.Vault;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the person a submission is from by the identities it carries, or creates them. A returning
 * person (one erased before) is welcome: they gave their data again. An identity that belongs to
 * another subject is left where it is; staff can link the two later.
 */
final class SubjectFinder {
  private final Vault vault;
  private final Principal actor;

  SubjectFinder(Vault vault, Principal actor) {
    this.vault = vault;
    this.actor = actor;
  }

  UUID find(List<Identity> identities, String subjectType) {
    Optional<UUID> known = lookUp(identities);
    if (known.isEmpty()) {
      try {
        return vault.createSubject(
            actor, NewSubject.of(subjectType, identities), ReturningPerson.WELCOME);
      } catch (ConflictException concurrent) {
        // Another submission created the person a moment ago.
        known = lookUp(identities);
        if (known.isEmpty()) {
          throw concurrent;
        }
      }
    }
    for (Identity identity : identities) {
      try {
        vault.addIdentities(actor, known.get(), List.of(identity), ReturningPerson.WELCOME);
      } catch (IdentityConflictException held) {
        // Belongs to another subject: not moved without a person deciding.
      }
    }
    return known.get();
  }

  private Optional<UUID> lookUp(List<Identity> identities) {
    for (Identity identity : identities) {
      if (vault.findByIdentity(actor, identity) instanceof IdentityMatch.Found found) {
        return Optional.of(found.subjectId());
      }
    }
    return Optional.empty();
  }
}
