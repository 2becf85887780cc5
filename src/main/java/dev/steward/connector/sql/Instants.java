package dev.steward.connector.sql;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A timestamp column's value as an instant; drivers return several types. */
final class Instants {
  private Instants() {}

  /** The instant, or null when {@code value} is null or not a time (local times read as UTC). */
  static Instant of(Object value) {
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof LocalDateTime time) {
      return time.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (value instanceof java.time.LocalDate date) {
      return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return null;
  }
}
