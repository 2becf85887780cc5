package dev.steward.vault;

import dev.steward.error.NotFoundException;
import java.util.UUID;

/** No live subject has this id (it never existed, or it was erased). */
public class SubjectNotFoundException extends NotFoundException {
  private final UUID subjectId;

  public SubjectNotFoundException(UUID subjectId) {
    super("no subject " + subjectId);
    this.subjectId = subjectId;
  }

  public UUID subjectId() {
    return subjectId;
  }
}
