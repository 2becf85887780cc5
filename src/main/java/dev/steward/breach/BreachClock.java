package dev.steward.breach;

import java.time.Instant;

/**
 * One breach clock of an incident: who must be told under one jurisdiction, by when, and where it
 * stands.
 *
 * @param audience {@code regulator} or {@code individuals}
 * @param timing {@code within}, {@code immediately} or {@code without_undue_delay}
 * @param countedFrom {@code awareness} or {@code individuals_notified}
 * @param moreThan the notice is owed only when more people than this are affected, if set
 * @param dueAt the last instant to tell them, for a clock with a fixed time; null for one that is
 *     immediate or without undue delay, or that waits for its start
 * @param state {@code open}, {@code overdue}, {@code met}, {@code late}, {@code waiting} (its start
 *     has not happened), {@code not_applicable} (too few people), {@code not_notifying} (the
 *     decision is not to tell them) or {@code closed} (the incident was dismissed)
 * @param secondsLeft until {@code dueAt} from now, negative once past; null without a due time
 * @param notifiedAt when they were told, once recorded
 * @param lateReason why they were told after {@code dueAt}, when they were
 */
public record BreachClock(
    String jurisdiction,
    String jurisdictionName,
    String audience,
    String timing,
    String countedFrom,
    Integer moreThan,
    String condition,
    Instant dueAt,
    String state,
    Long secondsLeft,
    Instant notifiedAt,
    String lateReason) {}
