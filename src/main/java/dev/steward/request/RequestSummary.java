package dev.steward.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A request in a list: ids, codes and dates only, no personal data.
 *
 * @param governing the jurisdiction whose clock falls first
 * @param dueDate the governing due date in that jurisdiction's zone; null while the clock is
 *     stopped
 * @param overdue true once {@code dueAt} has passed and the request is still open
 * @param clockGap true when a clock could not be counted for want of calendar data (its detail says
 *     which year is missing); such a request may be due earlier than {@code dueAt}
 */
public record RequestSummary(
    UUID id,
    String reference,
    String type,
    String state,
    String channel,
    Instant receivedAt,
    String governing,
    LocalDate dueDate,
    Instant dueAt,
    boolean overdue,
    boolean paused,
    boolean extended,
    UUID assignee,
    boolean clockGap) {

  static RequestSummary of(RequestRow row, Instant now) {
    return of(row, now, false);
  }

  static RequestSummary of(RequestRow row, Instant now, boolean clockGap) {
    Progress p = row.progress();
    return new RequestSummary(
        row.id(),
        row.reference(),
        TypeNames.id(row.type()),
        row.state().id(),
        row.channel(),
        row.receivedAt(),
        p.governing(),
        p.dueDate(),
        p.dueAt(),
        row.state().isOpen() && p.dueAt() != null && now.isAfter(p.dueAt()),
        p.paused(),
        p.extendedAt() != null,
        p.assignee(),
        clockGap);
  }
}
