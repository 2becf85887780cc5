package dev.steward.retention;

/** Told as a run goes: items done (deleted, held or failed) out of the run's total. */
@FunctionalInterface
public interface RetentionProgress {
  RetentionProgress NONE = (done, total) -> {};

  void update(long done, long total);
}
