package dev.steward.discovery;

/** Told how far a discovery run is, on the discovering thread. */
@FunctionalInterface
public interface DiscoveryProgress {
  DiscoveryProgress NONE = (done, total) -> {};

  /** {@code done} of {@code total} columns (a database) or bytes (a directory). */
  void update(long done, long total);
}
