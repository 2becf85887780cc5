package dev.steward.cli;

import dev.steward.importer.ImportProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows an import's progress: on a terminal, a bar redrawn in place with rows/s and the time left;
 * otherwise (a log, a pipe) one plain line every few seconds. Rates and time left come from the
 * share of the file read, so they hold for gzip input too.
 */
final class ProgressDisplay implements ImportProgress {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String prefix;
  private final String unit;
  private final boolean terminal;
  private final LongSupplier nanos;
  private final long started;
  private final long intervalNanos;
  private long lastShown;
  private boolean drawn;

  ProgressDisplay(PrintWriter err, boolean terminal, LongSupplier nanos) {
    this(err, terminal, nanos, "import", "rows");
  }

  /** A display for other work: {@code prefix} starts each plain line, {@code unit} counts. */
  ProgressDisplay(
      PrintWriter err, boolean terminal, LongSupplier nanos, String prefix, String unit) {
    this.prefix = prefix;
    this.unit = unit;
    this.err = err;
    this.terminal = terminal;
    this.nanos = nanos;
    this.started = nanos.getAsLong();
    this.lastShown = started;
    this.intervalNanos = terminal ? 200_000_000L : 5_000_000_000L;
  }

  @Override
  public void update(long rows, long bytesRead, long totalBytes) {
    long now = nanos.getAsLong();
    if (now - lastShown < intervalNanos) {
      return;
    }
    lastShown = now;
    double seconds = Math.max(1e-3, (now - started) / 1e9);
    double share = totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytesRead / totalBytes);
    long rate = Math.round(rows / seconds);
    String eta = share <= 0 ? "?" : duration(Math.round(seconds * (1 - share) / share));
    String figures =
        String.format(
            Locale.ROOT,
            "%3.0f%% %,d %s %,d %s/s ETA %s",
            share * 100,
            rows,
            unit,
            rate,
            unit,
            eta);
    if (terminal) {
      int filled = (int) Math.round(share * WIDTH);
      err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + figures + "  ");
      drawn = true;
    } else {
      err.println(prefix + ": " + figures);
    }
    err.flush();
  }

  /** Ends the bar's line so that what follows starts on a line of its own. */
  void finish() {
    if (drawn) {
      err.println();
      err.flush();
    }
  }

  static String duration(long seconds) {
    return seconds >= 3600
        ? String.format(
            Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
