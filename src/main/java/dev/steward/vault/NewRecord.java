package dev.steward.vault;

import java.util.Objects;
import java.util.UUID;

/** A value to store for a subject, with its category and provenance. */
public record NewRecord(UUID subjectId, String category, Provenance provenance, String value) {
  public NewRecord {
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "NewRecord[" + subjectId + ", " + category + ", value hidden]";
  }
}
