package dev.steward.vault;

import dev.steward.error.ConflictException;

/** An identity matches an erased subject, and the caller asked not to bring that person back. */
public class ReturningPersonException extends ConflictException {
  private final IdentityMatch.Erased match;

  public ReturningPersonException(IdentityType type, IdentityMatch.Erased match) {
    super(
        "returning person (erased on "
            + match.erasedAt()
            + "): this "
            + type.id()
            + " identity belonged to erased subject "
            + match.formerSubjectId());
    this.match = match;
  }

  public IdentityMatch.Erased match() {
    return match;
  }
}
