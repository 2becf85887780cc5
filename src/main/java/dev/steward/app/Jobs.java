package dev.steward.app;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.steward.audit.AuditCheckpointTask;
import dev.steward.audit.AuditCheckpoints;

/** The recurring jobs of a node, run through db-scheduler so each runs once across nodes. */
final class Jobs {
  private Jobs() {}

  /** Signs the audit chain's head every ten minutes, so a truncated tail can be detected. */
  static RecurringTask<Void> auditCheckpoint(AuditCheckpoints checkpoints) {
    AuditCheckpointTask task = new AuditCheckpointTask(checkpoints);
    return Tasks.recurring("audit-checkpoint", FixedDelay.ofMinutes(10))
        .execute((instance, context) -> task.run());
  }
}
