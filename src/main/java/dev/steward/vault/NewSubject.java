package dev.steward.vault;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A data subject to create.
 *
 * @param relationshipStart may be null; retention rules count from these dates
 * @param relationshipEnd null while the relationship lasts
 * @param under13 null when not known; kept in clear so age rules need no decryption
 * @param dateOfBirth null when not known; stored as an encrypted record of the subject
 */
public record NewSubject(
    String subjectType,
    LocalDate relationshipStart,
    LocalDate relationshipEnd,
    Boolean under13,
    DateOfBirth dateOfBirth,
    List<Identity> identities) {
  public NewSubject {
    Objects.requireNonNull(subjectType, "subjectType");
    identities = List.copyOf(identities);
  }

  public static NewSubject of(String subjectType, List<Identity> identities) {
    return new NewSubject(subjectType, null, null, null, null, identities);
  }

  /** A date of birth, recorded under {@code category} with its provenance. */
  public record DateOfBirth(LocalDate date, String category, Provenance provenance) {
    public DateOfBirth {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public String toString() {
      return "DateOfBirth[" + category + ", date hidden]";
    }
  }
}
