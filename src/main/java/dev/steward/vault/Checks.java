package dev.steward.vault;

import dev.steward.error.ConflictException;
import dev.steward.error.ForbiddenException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.vault.VaultVocabulary.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Permission and input checks that run before the vault changes or reveals anything. */
final class Checks {
  // Purposes are stored comma-separated, so ids may not contain commas.
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:/-]{1,128}");

  private final VaultContext vault;
  private final List<FieldProblem> problems = new ArrayList<>();

  Checks(VaultContext vault) {
    this.vault = vault;
  }

  /** Refuses, and leaves an audit entry of the refusal, when {@code actor} lacks the permission. */
  static void permit(
      VaultContext vault, Principal actor, Permission permission, String action, Object objectId) {
    if (!actor.has(permission)) {
      vault.audit().record(actor, action, "subject", String.valueOf(objectId), "denied", null);
      throw new ForbiddenException("this needs the " + permission.scope() + " permission");
    }
  }

  Checks known(Term term, String id, String field) {
    if (id == null || !ID.matcher(id).matches() || !vault.vocabulary().knows(term, id)) {
      problems.add(new FieldProblem(field, "not a known " + term.label()));
    }
    return this;
  }

  Checks provenance(Provenance provenance, String field) {
    known(Term.SOURCE, provenance.source(), field + "/source");
    known(Term.SYSTEM, provenance.system(), field + "/system");
    known(Term.LEGAL_BASIS, provenance.legalBasis(), field + "/legalBasis");
    if (provenance.purposes().isEmpty()) {
      problems.add(new FieldProblem(field + "/purposes", "at least one purpose is needed"));
    }
    provenance.purposes().forEach(purpose -> known(Term.PURPOSE, purpose, field + "/purposes"));
    return this;
  }

  Checks text(String value, int maxLength, boolean required, String field) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(new FieldProblem(field, "is required"));
      }
    } else if (value.length() > maxLength) {
      problems.add(new FieldProblem(field, "is longer than " + maxLength + " characters"));
    }
    return this;
  }

  Checks problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
    return this;
  }

  /** Throws one {@link InvalidInputException} listing every problem found, if any. */
  void orThrow() {
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder("the vault refused the input:");
      problems.forEach(
          p -> message.append(' ').append(p.field()).append(' ').append(p.message()).append(';'));
      throw new InvalidInputException(message.substring(0, message.length() - 1), problems);
    }
  }

  static ConflictException concurrentIdentity() {
    return new ConflictException("an identity was added to another subject at the same time");
  }
}
