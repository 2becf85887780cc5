package dev.steward.opendsr;

import dev.steward.opendsr.OpenDsrStore.Mapping;
import dev.steward.request.RequestSummary;
import java.time.Instant;

/** Steward's request states as the four OpenDSR statuses, and the status body built from them. */
final class Statuses {
  static final String PENDING = "pending";

  private Statuses() {}

  /** Denied and withdrawn requests are {@code cancelled}: the standard has no other end. */
  static String of(String stewardState) {
    return switch (stewardState) {
      case "received", "awaiting_verification", "verified" -> PENDING;
      case "in_progress", "awaiting_systems" -> "in_progress";
      case "completed" -> "completed";
      case "denied", "withdrawn" -> "cancelled";
      default -> throw new IllegalArgumentException("unknown request state " + stewardState);
    };
  }

  /** {@code results_url} stays null: access packages go to the person by their own signed link. */
  static OpenDsrWire.Status body(Mapping mapping, RequestSummary request) {
    return new OpenDsrWire.Status(
        mapping.controllerId().toString(),
        time(request.dueAt()),
        mapping.subjectRequestId(),
        of(request.state()),
        OpenDsrWire.API_VERSION,
        null);
  }

  static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
