package dev.steward.vault;

import dev.steward.error.ConflictException;
import java.util.UUID;

/** An identity being added already belongs to another subject; link the two subjects instead. */
public class IdentityConflictException extends ConflictException {
  private final UUID otherSubjectId;

  public IdentityConflictException(IdentityType type, UUID otherSubjectId) {
    super("this " + type.id() + " identity already belongs to subject " + otherSubjectId);
    this.otherSubjectId = otherSubjectId;
  }

  public UUID otherSubjectId() {
    return otherSubjectId;
  }
}
