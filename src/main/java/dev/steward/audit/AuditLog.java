package dev.steward.audit;

import dev.steward.principal.Principal;
import dev.steward.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
 * <p>Thread-safe. Lifecycle: the writer starts in the constructor; {@link #close()} refuses new
 * appends, writes everything already queued, and stops the writer.
 */
public final class AuditLog implements AuditTrail, AutoCloseable {
  private static final int EVENTS_PER_TRANSACTION = 4096;
  // How long the writer may wait for callers of the previous batch to come back, so that under
  // load batches stay large; a fraction of one commit. Never applies to a lone caller.
  private static final long LINGER_NANOS = TimeUnit.MICROSECONDS.toNanos(250);

  private record Pending(List<AuditEvent> events, CompletableFuture<List<AuditEntry>> done) {}

  private static final Pending STOP = new Pending(List.of(), new CompletableFuture<>());

  private final ChainWriter chain;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Object admission = new Object();
  private final Thread writer;
  private boolean closed;

  public AuditLog(Database database, Clock clock) {
    this.chain = new ChainWriter(database.jdbi(), clock);
    this.writer = new Thread(this::drain, "steward-audit-writer");
    writer.setDaemon(true);
    writer.start();
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
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain() {
    List<Pending> batch = new ArrayList<>();
    int lastCallers = 0;
    boolean stopping = false;
    while (!stopping) {
      Pending next = takeUninterruptibly();
      long lingerEnd = System.nanoTime() + LINGER_NANOS;
      int events = 0;
      while (next != null) {
        if (next == STOP) {
          stopping = true; // admission is closed, so nothing follows STOP
          break;
        }
        batch.add(next);
        events += next.events().size();
        next = events < EVENTS_PER_TRANSACTION ? queue.poll() : null;
        if (next == null && batch.size() < lastCallers && events < EVENTS_PER_TRANSACTION) {
          // The last batch's callers are likely on their way back; wait a moment for them.
          next = pollUninterruptibly(lingerEnd - System.nanoTime());
        }
      }
      if (!batch.isEmpty()) {
        write(batch, events);
        lastCallers = batch.size();
        batch.clear();
      }
    }
  }

  private void write(List<Pending> batch, int eventCount) {
    List<AuditEvent> events = new ArrayList<>(eventCount);
    batch.forEach(pending -> events.addAll(pending.events()));
    try {
      List<AuditEntry> entries = chain.append(events);
      int from = 0;
      for (Pending pending : batch) {
        int to = from + pending.events().size();
        pending.done().complete(List.copyOf(entries.subList(from, to)));
        from = to;
      }
    } catch (Exception | Error e) {
      // Nothing of the batch was committed; tell every caller and keep serving the others.
      AuditWriteException failure =
          new AuditWriteException(
              "could not write " + eventCount + " audit entries: " + firstLine(e), e);
      batch.forEach(pending -> pending.done().completeExceptionally(failure));
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

  private Pending takeUninterruptibly() {
    while (true) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        // The writer stops only on STOP, so that queued callers are never abandoned.
      }
    }
  }
}
