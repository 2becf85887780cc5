package dev.steward.audit;

import dev.steward.principal.Principal;
import dev.steward.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained audit log of one node.
 *
 * <p>Design: every node of a store appends to one chain, so appends are serialised by a row lock on
 * {@code audit_head}. To keep that lock from limiting throughput, appends use group commit: callers
 * on any thread enqueue their events and wait; one writer thread per node takes everything queued,
 * appends it in a single transaction ({@link ChainWriter}), then completes the callers. Only audit
 * appends wait on the writer; nothing else in the service does. If the transaction fails, every
 * caller of that batch gets an {@link AuditWriteException} and nothing of the batch is stored; the
 * writer carries on with the next batch.
 *
 * <p>A change made in a transaction stages its entry in that transaction ({@link #record(Handle,
 * Principal, String, String, String, String, String)}: a row of {@code audit_staged}), so the entry
 * commits or rolls back with the change. Once the transaction has committed, the caller asks the
 * writer to chain what is staged and waits for its entry, the same way direct appends wait; the
 * writer chains staged rows of every node, oldest first, and looks for any left behind (by a crash
 * between the commit and the chaining, here or on another node) at start and every few seconds.
 *
 * <p>Thread-safe. Lifecycle: the writer starts in the constructor; {@link #close()} refuses new
 * appends, writes everything already queued and staged, and stops the writer.
 */
public final class AuditLog implements AuditTrail, AutoCloseable {
  private static final int EVENTS_PER_TRANSACTION = 4096;
  // How long the writer may wait for callers of the previous batch to come back, so that under
  // load batches stay large; a fraction of one commit. Never applies to a lone caller.
  private static final long LINGER_NANOS = TimeUnit.MICROSECONDS.toNanos(250);

  // How often an idle writer looks for staged entries that no caller is waiting for.
  private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(2);
  // How long a caller whose change committed waits for its staged entry to be chained; the entry is
  // durable already, so a writer held up (the store busy) delays the answer only this long.
  private static final long CHAINED_WAIT_SECONDS = 30;
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  private record Pending(List<AuditEvent> events, CompletableFuture<List<AuditEntry>> done) {}

  private static final Pending STOP = new Pending(List.of(), new CompletableFuture<>());
  // A request to chain what is staged; several in a row are served by one transaction.
  private static final Pending STAGED = new Pending(List.of(), new CompletableFuture<>());

  private final Jdbi store;
  private final Clock clock;
  private final Map<Long, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
  // The entries each open transaction staged: one wait after its commit covers them all. A handle
  // is used by one thread at a time, so its list needs no lock of its own.
  private final Map<Handle, List<Long>> stagedBy = new ConcurrentHashMap<>();

  private final ChainWriter chain;
  private final AuditWitness witness;
  // With a witness, a batch's head is recorded in the keyring, and its callers answered, on a
  // thread beside the writer, which meanwhile chains the next batch; heads that wait together are
  // recorded once, the latest.
  private final BlockingQueue<Witnessed> witnessing = new LinkedBlockingQueue<>();
  private final Thread witnessThread;

  private record Witnessed(long seq, String hash, Runnable acknowledge) {}

  private static final Witnessed WITNESS_STOP = new Witnessed(-1, null, () -> {});
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Object admission = new Object();
  private final Thread writer;
  private boolean closed;

  public AuditLog(Database database, Clock clock) {
    this(database, clock, null);
  }

  /**
   * An audit log whose writer records the chain's head with {@code witness} after each committed
   * batch, before its appends are acknowledged, and once more when closed.
   */
  public AuditLog(Database database, Clock clock, AuditWitness witness) {
    this.store = database.jdbi();
    this.clock = clock;
    this.witness = witness;
    this.witnessThread =
        witness == null ? null : new Thread(this::witnessHeads, "steward-audit-witness");
    this.chain = new ChainWriter(database.jdbi(), database.engine(), clock);
    this.writer = new Thread(this::drain, "steward-audit-writer");
    writer.setDaemon(true);
    writer.start();
    if (witnessThread != null) {
      witnessThread.setDaemon(true);
      witnessThread.start();
    }
  }

  /** Appends one event and returns its entry once it is durable. */
  public AuditEntry append(AuditEvent event) {
    return appendAll(List.of(event)).get(0);
  }

  /**
   * Appends events as consecutive entries, all or none, and returns them once they are durable.
   *
   * @throws AuditWriteException when the transaction failed or the log is closed
   */
  public List<AuditEntry> appendAll(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    Pending pending = new Pending(List.copyOf(events), new CompletableFuture<>());
    synchronized (admission) {
      if (closed) {
        throw new AuditWriteException("the audit log is closed", null);
      }
      queue.add(pending);
    }
    try {
      return pending.done().join();
    } catch (CompletionException e) {
      throw new AuditWriteException(e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void record(
      Principal actor,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String detail) {
    append(AuditEvent.of(actor, action, objectType, objectId, outcome).withDetail(detail));
  }

  /**
   * Stages the entry in {@code handle}'s transaction; once it commits, waits until the entry is
   * chained. A transaction that rolls back takes its entry with it. The handle must be on this
   * log's store.
   */
  @Override
  public void record(
      Handle handle,
      Principal actor,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String detail) {
    AuditEvent event =
        AuditEvent.of(actor, action, objectType, objectId, outcome).withDetail(detail);
    long id =
        handle
            .createUpdate(
                "insert into audit_staged (at, actor_type, actor_id, action, object_type,"
                    + " object_id, outcome, detail) values (:at, :actorType, :actorId, :action,"
                    + " :objectType, :objectId, :outcome, :detail)")
            .bind("at", clock.instant())
            .bind("actorType", event.actorType())
            .bind("actorId", event.actorId())
            .bind("action", event.action())
            .bind("objectType", event.objectType())
            .bind("objectId", event.objectId())
            .bind("outcome", event.outcome())
            .bind("detail", event.detail())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    if (!handle.isInTransaction()) {
      awaitChained(List.of(id));
      return;
    }
    stagedBy
        .computeIfAbsent(
            handle,
            inTransaction -> {
              inTransaction.afterCommit(() -> awaitChained(stagedBy.remove(inTransaction)));
              inTransaction.afterRollback(() -> stagedBy.remove(inTransaction));
              return new ArrayList<>();
            })
        .add(id);
  }

  /** Asks the writer to chain what is staged and waits, bounded, until entries {@code ids} are. */
  private void awaitChained(List<Long> ids) {
    if (ids == null || ids.isEmpty()) {
      return;
    }
    CompletableFuture<?>[] chained = new CompletableFuture<?>[ids.size()];
    for (int i = 0; i < chained.length; i++) {
      chained[i] = waiting.computeIfAbsent(ids.get(i), key -> new CompletableFuture<>());
    }
    synchronized (admission) {
      if (!closed) {
        queue.add(STAGED);
      }
    }
    try {
      CompletableFuture.allOf(chained).get(CHAINED_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Durable in audit_staged all the same: a writer will chain them.
      LOG.warn("{} staged audit entries are not chained yet; they will be", ids.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ids.forEach(waiting::remove);
    }
  }

  /** Writes what is queued, then stops the writer. Idempotent. */
  @Override
  public void close() {
    synchronized (admission) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(STOP);
    }
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (witnessThread != null) {
      witnessing.add(WITNESS_STOP); // after every batch the writer handed over
      while (witnessThread.isAlive()) {
        try {
          witnessThread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (witness != null) {
      // At a clean shutdown, the head as it is now, with what other nodes appended.
      try {
        record Head(long seq, String hash) {}
        Head head =
            store.withHandle(
                h ->
                    h.select("select seq, hash from audit_head where id = 1")
                        .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2)))
                        .one());
        if (head.seq() > 0) {
          witness(head.seq(), head.hash());
        }
      } catch (RuntimeException e) {
        LOG.warn("could not record the audit chain's head at shutdown: {}", firstLine(e));
      }
    }
  }

  /** The witness thread: records the latest head handed over, then answers its callers. */
  private void witnessHeads() {
    List<Witnessed> taken = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      taken.clear();
      try {
        taken.add(witnessing.take());
      } catch (InterruptedException e) {
        continue; // only close() stops this thread, with WITNESS_STOP
      }
      witnessing.drainTo(taken);
      Witnessed latest = null;
      for (Witnessed head : taken) {
        if (head == WITNESS_STOP) {
          stopping = true;
        } else if (head.seq() > 0 && (latest == null || head.seq() > latest.seq())) {
          latest = head;
        }
      }
      if (latest != null) {
        witness(latest.seq(), latest.hash());
      }
      for (Witnessed head : taken) {
        try {
          head.acknowledge().run();
        } catch (RuntimeException e) {
          LOG.error("could not answer the callers of an audit batch: {}", firstLine(e));
        }
      }
    }
  }

  /**
   * Records the head with the witness. The entries are committed already; a witness that cannot be
   * written is reported and does not undo them, and the next batch records a later head.
   */
  private void witness(long seq, String hash) {
    if (witness == null) {
      return;
    }
    try {
      witness.record(seq, hash);
    } catch (RuntimeException e) {
      LOG.error(
          "could not record the audit chain's head (entry {}) in the keyring: {}",
          seq,
          firstLine(e));
    }
  }

  private void drain() {
    List<Pending> batch = new ArrayList<>();
    int lastCallers = 0;
    boolean stopping = false;
    // What a crash left staged is chained before anything else.
    boolean staged = true;
    while (!stopping) {
      Pending next = staged ? queue.poll() : pollUninterruptibly(SWEEP_NANOS);
      if (next == null && !staged) {
        staged = true; // idle: look for entries staged by a node that did not chain them
      }
      long lingerEnd = System.nanoTime() + LINGER_NANOS;
      int events = 0;
      while (next != null) {
        if (next == STOP) {
          stopping = true; // admission is closed, so nothing follows STOP
          staged = true;
          break;
        }
        if (next == STAGED) {
          staged = true;
        } else {
          batch.add(next);
          events += next.events().size();
        }
        next = events < EVENTS_PER_TRANSACTION ? queue.poll() : null;
        if (next == null && batch.size() < lastCallers && events < EVENTS_PER_TRANSACTION) {
          // The last batch's callers are likely on their way back; wait a moment for them.
          next = pollUninterruptibly(lingerEnd - System.nanoTime());
        }
      }
      if (!batch.isEmpty() || staged) {
        staged = write(batch, events, staged);
        lastCallers = batch.size();
        batch.clear();
      }
    }
  }

  /** Writes one transaction; answers whether staged entries may remain to be chained. */
  private boolean write(List<Pending> batch, int eventCount, boolean staged) {
    List<AuditEvent> events = new ArrayList<>(eventCount);
    batch.forEach(pending -> events.addAll(pending.events()));
    try {
      ChainWriter.Appended appended = chain.append(events, staged);
      List<Pending> callers = List.copyOf(batch);
      Runnable acknowledge =
          () -> {
            List<AuditEntry> entries = appended.direct();
            int from = 0;
            for (Pending pending : callers) {
              int to = from + pending.events().size();
              pending.done().complete(List.copyOf(entries.subList(from, to)));
              from = to;
            }
            appended.staged().forEach(this::chained);
            if (staged && !waiting.isEmpty()) {
              chainedElsewhere();
            }
          };
      if (witnessThread == null) {
        acknowledge.run();
      } else {
        // Acknowledged only once the head that covers them is witnessed.
        AuditEntry last = appended.last();
        witnessing.add(
            new Witnessed(
                last == null ? -1 : last.seq(), last == null ? null : last.hash(), acknowledge));
      }
      // A full batch of staged entries may have left more behind.
      return staged && appended.staged().size() >= ChainWriter.STAGED_PER_BATCH;
    } catch (Exception | Error e) {
      // Nothing of the batch was committed; tell every caller and keep serving the others.
      AuditWriteException failure =
          new AuditWriteException(
              "could not write " + eventCount + " audit entries: " + firstLine(e), e);
      batch.forEach(pending -> pending.done().completeExceptionally(failure));
      return false;
    }
  }

  private void chained(long stagedId) {
    CompletableFuture<Void> waiter = waiting.get(stagedId);
    if (waiter != null) {
      waiter.complete(null);
    }
  }

  /** Releases callers whose staged entries a writer on another node chained. */
  private void chainedElsewhere() {
    List<Long> ids = List.copyOf(waiting.keySet());
    if (ids.isEmpty()) {
      return;
    }
    try {
      List<Long> still =
          store.withHandle(
              handle ->
                  handle
                      .createQuery("select id from audit_staged where id in (<ids>)")
                      .bindList("ids", ids)
                      .mapTo(Long.class)
                      .list());
      ids.stream().filter(id -> !still.contains(id)).forEach(this::chained);
    } catch (RuntimeException e) {
      LOG.debug("could not look for staged audit entries chained elsewhere", e);
    }
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage()).strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline).strip();
  }

  private Pending pollUninterruptibly(long nanos) {
    try {
      return nanos > 0 ? queue.poll(nanos, TimeUnit.NANOSECONDS) : null;
    } catch (InterruptedException e) {
      return null;
    }
  }
}
