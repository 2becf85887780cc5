package dev.steward.mail;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.steward.audit.AuditTrail;
import dev.steward.store.Database;
import dev.steward.store.TaskScheduling;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The way out for every letter Steward sends. {@link #enqueue(Handle, OutgoingMail)} stores the
 * letter sealed, with its Message-ID fixed, and schedules its delivery in the caller's transaction,
 * so a state change and its letter commit or roll back together. Delivery runs on db-scheduler
 * through {@link #tasks()} and {@link #startTasks()}: once across nodes, retried with backoff,
 * restart-safe. Thread-safe; one instance per node.
 */
public final class Outbox {
  static final String SWEEP_TASK_NAME = "mail-outbox-sweep";
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(5);

  private final Jdbi jdbi;
  private final MailSettings settings;
  private final MailRetry retry;
  private final MailSealer sealer;
  private final Clock clock;
  private final OutboxStore store;
  private final MailDelivery delivery;
  private final RecurringTask<Void> sweep;
  private final TaskScheduling tasks;
  private final boolean signs;

  /** True when letters leave DKIM-signed (a {@link DkimKey} is configured). */
  public boolean signsDkim() {
    return signs;
  }

  /**
   * @param database the store holding {@code mail_outbox} and db-scheduler's table
   * @param sealer encrypts letters at rest; the vault's encryption in production
   * @param audit receives {@code mail.sent} and {@code mail.failed}, with ids only
   */
  public Outbox(
      Database database,
      MailSettings settings,
      MailRetry retry,
      MailSealer sealer,
      AuditTrail audit,
      Clock clock) {
    this(database, settings, retry, sealer, Optional.empty(), audit, clock);
  }

  /**
   * @param dkim the key every letter is DKIM-signed with, if one is configured ({@link DkimKey})
   */
  public Outbox(
      Database database,
      MailSettings settings,
      MailRetry retry,
      MailSealer sealer,
      Optional<DkimKey> dkim,
      AuditTrail audit,
      Clock clock) {
    this.jdbi = database.jdbi();
    this.signs = dkim.isPresent();
    this.settings = settings;
    this.retry = retry;
    this.sealer = sealer;
    this.clock = clock;
    this.store = new OutboxStore(jdbi);
    this.delivery =
        new MailDelivery(store, sealer, new SmtpSender(settings, dkim, clock), audit, retry, clock);
    this.sweep =
        Tasks.recurring(SWEEP_TASK_NAME, FixedDelay.of(SWEEP_EVERY))
            .execute((instance, context) -> sweep());
    // Written the way the node's scheduler (alwaysPersistTimestampInUTC) reads them back.
    this.tasks = database.tasks();
  }

  /** Enqueues in a transaction of its own. */
  public OutboxEntry enqueue(OutgoingMail mail) {
    return jdbi.inTransaction(handle -> enqueue(handle, mail));
  }

  /**
   * Enqueues inside the caller's transaction (one is opened if the handle has none): nothing is
   * sent unless it commits. Delivery starts at the next scheduler poll after the commit.
   */
  public OutboxEntry enqueue(Handle handle, OutgoingMail mail) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    OutboxEntry entry =
        new OutboxEntry(
            id,
            mail.kind(),
            "<" + id + "@" + settings.messageIdDomain() + ">",
            mail.relatedType(),
            mail.relatedId(),
            MailStatus.PENDING,
            0,
            null,
            now,
            now.plus(retry.maxAge()),
            null,
            null,
            null);
    byte[] sealed = SealedContent.seal(sealer, id, mail);
    return handle.inTransaction(
        transaction -> {
          OutboxStore.insert(transaction, entry, sealed);
          schedule(transaction, id, now);
          return entry;
        });
  }

  public Optional<OutboxEntry> find(UUID id) {
    return store.find(id);
  }

  /** The letters about one object (e.g. {@code "request"} and its id), oldest first. */
  public List<OutboxEntry> about(String relatedType, String relatedId) {
    return store.about(relatedType, relatedId);
  }

  /**
   * Up to {@code limit} letters in that state, oldest first: {@code FAILED} ones are those staff
   * must look at, {@code PENDING} ones show what is delayed and why ({@link
   * OutboxEntry#lastError()}).
   */
  public List<OutboxEntry> list(MailStatus status, int limit) {
    return store.withStatus(status, limit);
  }

  /**
   * Gives a failed letter another {@link MailRetry#maxAge()} of attempts, starting now; false when
   * the letter is not failed.
   */
  public boolean retry(UUID id) {
    Instant now = clock.instant();
    return jdbi.inTransaction(
        handle -> {
          boolean requeued = OutboxStore.requeue(handle, id, now.plus(retry.maxAge()));
          if (requeued) {
            schedule(handle, id, now);
          }
          return requeued;
        });
  }

  /** The one-time tasks to pass to {@code Scheduler.create}: the delivery of one letter. */
  public List<Task<?>> tasks() {
    return List.of(delivery.task());
  }

  /**
   * The recurring tasks to pass to {@code SchedulerBuilder.startTasks} (which also makes them
   * known, so they must not be passed to {@code Scheduler.create} as well): the sweep that
   * reschedules a pending letter whose delivery task went missing, every five minutes.
   */
  public List<RecurringTask<?>> startTasks() {
    return List.of(sweep);
  }

  /**
   * Schedules every pending letter that has no delivery task, e.g. one retried by staff while its
   * last attempt was being closed. Returns how many it scheduled.
   */
  int sweep() {
    return jdbi.inTransaction(
        handle -> {
          List<UUID> orphans = OutboxStore.pendingWithoutTask(handle, MailDelivery.TASK_NAME);
          orphans.forEach(id -> schedule(handle, id, clock.instant()));
          return orphans.size();
        });
  }

  private void schedule(Handle handle, UUID id, Instant at) {
    tasks.scheduleIfNotExists(handle, delivery.task().instance(id.toString()), at, clock);
  }
}
