package dev.steward.store;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Schedules db-scheduler tasks inside the caller's transaction, so a task exists exactly when the
 * change that needs it commits. A task due now also wakes this node's scheduler once the
 * transaction commits, instead of waiting for the next poll; other nodes still find it by polling.
 * Thread-safe.
 */
public final class TaskScheduling {
  private volatile JdbcCustomization sql;
  private volatile Runnable wake = () -> {};

  TaskScheduling() {}

  /**
   * Detected on first use from the caller's own connection: taking another from the pool could wait
   * behind a burst, and a failed detection would silently fall back to generic SQL.
   */
  private JdbcCustomization sql(Handle handle) {
    JdbcCustomization detected = sql;
    if (detected == null) {
      detected = new AutodetectJdbcCustomization(new HandleDataSource(handle), true);
      sql = detected;
    }
    return detected;
  }

  /** Called once the node's scheduler runs: how to ask it to look for due tasks now. */
  public void wakeWith(Runnable trigger) {
    this.wake = Objects.requireNonNull(trigger, "trigger");
  }

  /**
   * Schedules {@code instance} at {@code at} unless it exists already, in the transaction of {@code
   * handle}; a task due by {@code clock}'s now wakes the scheduler after the commit.
   */
  public void scheduleIfNotExists(
      Handle handle, TaskInstance<?> instance, Instant at, Clock clock) {
    SchedulerClient.Builder.create(new HandleDataSource(handle))
        .jdbcCustomization(sql(handle))
        .build()
        .scheduleIfNotExists(instance, at);
    if (!at.isAfter(clock.instant())) {
      if (handle.isInTransaction()) {
        handle.afterCommit(() -> wake.run());
      } else {
        wake.run();
      }
    }
  }
}
