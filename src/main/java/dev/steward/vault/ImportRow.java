package dev.steward.vault;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One row of a bulk import: the identities that say who the person is, and the values to store as
 * records, all with one provenance. The row becomes a new subject, or joins the subject that
 * already has one of its identities.
 *
 * @param relationshipStart may be null; used only when the row creates the subject
 * @param relationshipEnd may be null; used only when the row creates the subject
 */
public record ImportRow(
    String subjectType,
    LocalDate relationshipStart,
    LocalDate relationshipEnd,
    List<Identity> identities,
    List<Value> values,
    Provenance provenance) {
  public ImportRow {
    Objects.requireNonNull(subjectType, "subjectType");
    identities = List.copyOf(identities);
    values = List.copyOf(values);
    Objects.requireNonNull(provenance, "provenance");
  }

  /** A value to store as a record of {@code category}. */
  public record Value(String category, String value) {
    public Value {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return "Value[" + category + ", value hidden]";
    }
  }
}
