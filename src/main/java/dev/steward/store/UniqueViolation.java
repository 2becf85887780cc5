package dev.steward.store;

import java.sql.SQLException;

/** Recognises a unique-key violation, the one database failure callers recover from. */
public final class UniqueViolation {
  /** SQLSTATE of a unique-key violation on both H2 and PostgreSQL. */
  private static final String SQLSTATE = "23505";

  private UniqueViolation() {}

  /** True when {@code failure} or one of its causes is a unique-key violation. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && SQLSTATE.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
