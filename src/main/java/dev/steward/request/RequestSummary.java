package dev.steward.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A request in a list: ids, codes and dates only, no personal data.
 *
 * @param governing the jurisdiction whose clock falls first; while every clock is stopped, the
 *     stopped one
 * @param dueDate the governing due date in that jurisdiction's zone; null while every clock is
 *     stopped
 * @param stoppedSince while a clarification stops the clock (UK GDPR Art. 12A), when it was asked
 *     for; else null
 * @param daysLeftWhenResumed while stopped, the days the clock will still run once the answer
 *     arrives: it is then due that many days after the day of the answer, or on the next working
 *     day; else null
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
    Instant stoppedSince,
    Integer daysLeftWhenResumed,
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
        p.stoppedSince(),
        p.daysLeftWhenResumed(),
        p.extendedAt() != null,
        p.assignee(),
        clockGap);
  }
}
