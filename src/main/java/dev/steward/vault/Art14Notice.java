package dev.steward.vault;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * A person to tell that their data came from another source (GDPR Art. 14), without any value.
 *
 * @param subjectId the subject now holding the data (a merged subject's survivor)
 * @param source the indirect source the data came from
 * @param dueDate the last day to tell them, in the zone of {@code rule}'s calendar
 * @param rule the jurisdiction whose rule gave the date, or {@code art14-default}
 * @param notifiedAt null while they have not been told
 * @param method how they were told; null while they have not been
 */
public record Art14Notice(
    UUID id,
    UUID subjectId,
    String source,
    Instant obtainedAt,
    LocalDate dueDate,
    Instant dueAt,
    String rule,
    Instant notifiedAt,
    NoticeMethod method) {

  /** How the Art. 14 information reached the person. */
  public enum NoticeMethod {
    EMAIL,
    POST,
    PHONE,
    IN_PERSON,
    /** Given with the first communication to the person (Art. 14(3)(b)). */
    FIRST_COMMUNICATION,
    /** Given before the first disclosure to another recipient (Art. 14(3)(c)). */
    BEFORE_DISCLOSURE;

    /** The lower-case name used on the API and in the store, e.g. {@code in_person}. */
    @JsonValue
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
