package dev.steward.app;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.steward.access.Principal;
import dev.steward.audit.AuditCheckpointTask;
import dev.steward.audit.AuditCheckpoints;
import dev.steward.vault.Vault;

/** The recurring jobs of a node, run through db-scheduler so each runs once across nodes. */
final class Jobs {
  private Jobs() {}

  /** Destroys the keys of exemptions that have expired, and with them what they kept. */
  static RecurringTask<Void> exemptionExpiry(Vault vault) {
    Principal system = new Principal.System("retention");
    return Tasks.recurring("exemption-expiry", FixedDelay.ofHours(1))
        .execute((instance, context) -> vault.releaseExpiredExemptions(system));
  }

  /** Signs the audit chain's head every ten minutes, so a truncated tail can be detected. */
  static RecurringTask<Void> auditCheckpoint(AuditCheckpoints checkpoints) {
    AuditCheckpointTask task = new AuditCheckpointTask(checkpoints);
    return Tasks.recurring("audit-checkpoint", FixedDelay.ofMinutes(10))
        .execute((instance, context) -> task.run());
  }
}
