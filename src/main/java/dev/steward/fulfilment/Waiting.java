package dev.steward.fulfilment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How a task that waits for its system reads, on the request's tasks (API) and in the console:
 * {@code waiting on crm-db since 2026-06-01T09:00:00Z: crm-db: connection failed (SQLSTATE 08001)}.
 * The error is the system's own message, which never holds personal data ({@link DataSystem}).
 */
final class Waiting {
  private Waiting() {}

  static String line(String system, Instant since, String error) {
    return "waiting on "
        + system
        + " since "
        + since.truncatedTo(ChronoUnit.SECONDS)
        + ": "
        + error;
  }
}
