package dev.steward.app;

import java.util.StringJoiner;

/** Milliseconds spent in each start-up phase, for the debug log and the start-up benchmark. */
final class StartupTimer {
  private final StringJoiner phases = new StringJoiner(", ");
  private long last = System.nanoTime();

  void mark(String phase) {
    long now = System.nanoTime();
    phases.add(phase + " " + (now - last) / 1_000_000 + " ms");
    last = now;
  }

  @Override
  public String toString() {
    return phases.toString();
  }
}
