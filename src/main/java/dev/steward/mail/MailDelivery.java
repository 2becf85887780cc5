package dev.steward.mail;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.steward.audit.AuditTrail;
import dev.steward.error.StewardException;
import dev.steward.principal.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The db-scheduler task that sends one letter; its instance id is the letter's id, so one node at a
 * time holds it. The letter is marked sent in the step right after the server accepts it: only a
 * crash between the two sends it again, with the same Message-ID. Failures are recorded and retried
 * with exponential backoff until {@link MailRetry#maxAge()}, then marked failed and audited. A run
 * that finds its letter already sent or failed completes the audit an interrupted run may have
 * missed. Logs carry the letter's id and kind only.
 */
final class MailDelivery {
  static final String TASK_NAME = "mail-delivery";
  private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
  private static final Principal ACTOR = new Principal.System("mail");

  private final OutboxStore store;
  private final MailSealer sealer;
  private final SmtpSender sender;
  private final AuditTrail audit;
  private final MailRetry retry;
  private final Clock clock;
  private final OneTimeTask<Void> task;

  MailDelivery(
      OutboxStore store,
      MailSealer sealer,
      SmtpSender sender,
      AuditTrail audit,
      MailRetry retry,
      Clock clock) {
    this.store = store;
    this.sealer = sealer;
    this.sender = sender;
    this.audit = audit;
    this.retry = retry;
    this.clock = clock;
    this.task =
        Tasks.oneTime(TASK_NAME)
            .onFailure(this::onFailure)
            .onDeadExecutionRevive()
            .execute((instance, context) -> deliver(UUID.fromString(instance.getId())));
  }

  OneTimeTask<Void> task() {
    return task;
  }

  void deliver(UUID id) {
    OutboxStore.Stored stored = store.load(id).orElse(null);
    if (stored == null) {
      log.warn("mail {} has no outbox row; nothing to send", id);
      return;
    }
    OutboxEntry entry = stored.entry();
    switch (entry.status()) {
      // Its outcome was audited in the transaction that marked it.
      case SENT, FAILED -> log.debug("mail {} is {} already", id, entry.status());
      case PENDING -> {
        OutgoingMail mail = SealedContent.open(sealer, id, stored.sealedContent());
        sender.send(entry.messageId(), mail);
        store.markSent(id, clock.instant(), handle -> auditOutcome(handle, "mail.sent", entry));
        log.info("mail {} ({}) accepted by the SMTP server", id, entry.kind());
      }
    }
  }

  private void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
    UUID id = UUID.fromString(complete.getExecution().taskInstance.getId());
    int failures = complete.getExecution().consecutiveFailures + 1;
    Throwable cause = complete.getCause().orElse(null);
    String reason = reason(cause);
    try {
      Instant now = clock.instant();
      store.recordFailure(id, now, reason);
      OutboxEntry entry = store.find(id).orElse(null);
      boolean permanent = cause instanceof MailDeliveryException refused && refused.permanent();
      if (entry != null
          && entry.status() == MailStatus.PENDING
          && (permanent || !now.isBefore(entry.giveUpAt()))) {
        store.markFailed(id, now, handle -> auditOutcome(handle, "mail.failed", entry));
        log.warn("mail {} ({}) failed after {} attempts: {}", id, entry.kind(), failures, reason);
        operations.remove();
        return;
      }
    } catch (RuntimeException e) {
      log.warn("mail {}: could not record a failed attempt ({})", id, e.getClass().getSimpleName());
    }
    Duration delay = retry.delayAfter(failures);
    log.info("mail {} attempt {} failed ({}); next in {}", id, failures, reason, delay);
    operations.reschedule(complete, complete.getTimeDone().plus(delay));
  }

  private void auditOutcome(Handle handle, String action, OutboxEntry entry) {
    String related =
        entry.relatedType() == null
            ? ""
            : "; related=" + entry.relatedType() + ":" + entry.relatedId();
    audit.record(
        handle,
        ACTOR,
        action,
        "mail",
        entry.id().toString(),
        action.equals("mail.sent") ? "ok" : "failed",
        "kind=" + entry.kind() + related);
  }

  /** Our own exceptions are written without personal data; others are named by class only. */
  private static String reason(Throwable cause) {
    if (cause instanceof StewardException known) {
      return truncate(known.getMessage());
    }
    return cause == null ? "unknown" : "unexpected " + cause.getClass().getSimpleName();
  }

  private static String truncate(String message) {
    return message.length() <= 300 ? message : message.substring(0, 300);
  }
}
