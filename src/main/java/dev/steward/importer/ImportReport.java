package dev.steward.importer;

import java.time.Duration;
import java.util.UUID;

/**
 * What an import run did, counting every run of the same file and mapping together.
 *
 * @param alreadyFinished the run had finished before: nothing was read or written
 * @param resumedAfterLine the line of the checkpoint this call started after, 0 for a fresh start
 * @param finished false when the run stopped at its batch limit and can be resumed
 * @param elapsed time spent by this call
 * @param rowsThisCall rows read by this call (imported or rejected)
 */
public record ImportReport(
    UUID runId,
    boolean alreadyFinished,
    long resumedAfterLine,
    boolean finished,
    long created,
    long updated,
    long rejected,
    long rowsThisCall,
    Duration elapsed) {

  /** Rows per second of this call. */
  public double rowsPerSecond() {
    double seconds = Math.max(1, elapsed.toMillis()) / 1000.0;
    return rowsThisCall / seconds;
  }
}
