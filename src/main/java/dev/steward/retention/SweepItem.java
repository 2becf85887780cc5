package dev.steward.retention;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One thing a sweep deletes or keeps: ids and codes only, never a value.
 *
 * @param subjectId the vault subject, null for a deletion by age in a connected system
 * @param itemId a vault record id, a subject id, or for a deletion by age the category
 * @param category the record's category, or the category deleted by age; null for a subject
 * @param dueAt when the rule made it due; for a deletion by age, the cut-off
 * @param holdId the legal hold that keeps it, null when none does
 */
public record SweepItem(
    String ruleId,
    String system,
    Kind kind,
    UUID subjectId,
    String itemId,
    String category,
    Instant dueAt,
    UUID holdId) {

  /** What is deleted. */
  public enum Kind {
    /** One vault record. */
    RECORD,
    /** A whole person, once none of their records is left: key destruction in the vault. */
    SUBJECT,
    /** The items of a category collected before the cut-off, in a connected system. */
    BY_AGE;

    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Kind of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  SweepItem heldBy(UUID hold) {
    return new SweepItem(ruleId, system, kind, subjectId, itemId, category, dueAt, hold);
  }
}
