package dev.steward.retention;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * A legal hold: what it keeps from every retention sweep, why, who answers for it and when it is to
 * be looked at again. Reason and owner are staff text; they stay out of certificates, which name
 * the hold by id.
 *
 * @param releasedAt null while the hold is in force
 */
public record Hold(
    UUID id,
    Scope scope,
    String target,
    String reason,
    String owner,
    LocalDate reviewOn,
    Instant placedAt,
    String placedBy,
    Instant releasedAt,
    String releasedBy,
    String releaseReason) {

  /** What a hold names. */
  public enum Scope {
    /** One vault subject, by id. */
    SUBJECT,
    /** A policy category and its descendants, in every system. */
    CATEGORY,
    /** Everything a data system holds, e.g. {@code vault}. */
    SYSTEM,
    /** A rights request's case, by its reference: the subject it concerns. */
    CASE;

    @JsonValue
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Scope of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  public boolean active() {
    return releasedAt == null;
  }

  /** True when the hold is in force and its review date has come. */
  public boolean reviewDue(LocalDate today) {
    return active() && !reviewOn.isAfter(today);
  }
}
