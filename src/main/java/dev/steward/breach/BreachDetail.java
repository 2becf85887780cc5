package dev.steward.breach;

import java.time.Instant;
import java.util.List;

/**
 * An incident with its clocks, timeline and letters, as the register shows it and exports it.
 *
 * @param systemCounts the people counted per system of the incident at the last count, each
 *     system's own count or unknown
 * @param at the time the clocks were read at
 */
public record BreachDetail(
    BreachIncident incident,
    List<BreachClock> clocks,
    List<BreachEvent> timeline,
    List<BreachLetter> letters,
    List<SystemCount> systemCounts,
    Instant at) {
  public BreachDetail {
    clocks = List.copyOf(clocks);
    timeline = List.copyOf(timeline);
    letters = List.copyOf(letters);
    systemCounts = List.copyOf(systemCounts);
  }
}
