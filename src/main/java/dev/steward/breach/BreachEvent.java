package dev.steward.breach;

import java.time.Instant;

/**
 * One entry of an incident's timeline; entries are only ever added.
 *
 * @param kind what happened, e.g. {@code recorded}, {@code changed}, {@code affected-counted}
 * @param detail what changed and why, as staff gave it; ids and counts for people
 */
public record BreachEvent(
    int seq, Instant at, String actorType, String actorId, String kind, String detail) {}
