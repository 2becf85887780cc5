package dev.steward.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic checkpoint: signs the current head unless a checkpoint already covers it. Meant to
 * be run by a recurring db-scheduler task, which makes sure one node runs it at a time; running it
 * on several nodes at once is harmless too. Thread-safe.
 */
public final class AuditCheckpointTask {
  private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpointTask.class);

  private final AuditCheckpoints checkpoints;

  public AuditCheckpointTask(AuditCheckpoints checkpoints) {
    this.checkpoints = checkpoints;
  }

  public void run() {
    checkpoints
        .checkpoint()
        .ifPresent(checkpoint -> LOG.debug("audit checkpoint at entry {}", checkpoint.seq()));
  }
}
