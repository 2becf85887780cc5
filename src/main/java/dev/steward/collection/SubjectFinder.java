package dev.steward.collection;

import dev.steward.error.ConflictException;
import dev.steward.principal.Principal;
import dev.steward.vault.Identity;
import dev.steward.vault.NewSubject;
import dev.steward.vault.Vault;
import java.util.List;
import java.util.UUID;

/**
 * Makes the subject a public submission is filed under. A form proves nothing about who sent it, so
 * a submission never joins an existing subject, whatever it shares with one: anyone can type a
 * stranger's name or address. It gets a subject of its own; an email address or phone number that
 * another subject holds stays there and becomes a link candidate for staff (docs/vault.md,
 * "Linking"). A returning person (one erased before) is welcome: they gave their data again.
 */
final class SubjectFinder {
  private final Vault vault;
  private final Principal actor;

  SubjectFinder(Vault vault, Principal actor) {
    this.vault = vault;
    this.actor = actor;
  }

  UUID find(List<Identity> identities, String subjectType) {
    NewSubject subject = NewSubject.of(subjectType, identities);
    try {
      return vault.createFromClaim(actor, subject);
    } catch (ConflictException concurrent) {
      // Another submission took one of these identities a moment ago: now it is a candidate.
      return vault.createFromClaim(actor, subject);
    }
  }
}
