package dev.steward.access;

import dev.steward.store.UniqueViolation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Column conversions that behave the same on H2 and PostgreSQL. */
final class Rows {
  private Rows() {}

  /** Both engines keep microseconds; truncating first makes what is read back equal. */
  static OffsetDateTime at(Instant instant) {
    return instant == null
        ? null
        : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  static Instant now(java.time.Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Runs an insert; false when a unique index refused it. */
  static boolean unlessDuplicate(Runnable insert) {
    try {
      insert.run();
      return true;
    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
      if (UniqueViolation.causedBy(e)) {
        return false;
      }
      throw e;
    }
  }
}
