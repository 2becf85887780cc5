package dev.steward.breach;

import java.util.List;

/** An incident in the register's list, with its clocks. */
public record BreachSummary(BreachIncident incident, List<BreachClock> clocks) {
  public BreachSummary {
    clocks = List.copyOf(clocks);
  }
}
