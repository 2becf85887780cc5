package dev.steward.bench;

import dev.steward.audit.AuditEvent;
import dev.steward.audit.AuditLog;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Appends from many threads for a fixed time after a warm-up. The baseline writes the same rows
 * into a copy of {@code audit_entry} with plain batched INSERTs, one transaction per batch, from
 * the same number of threads, with no chaining and no lock.
 */
final class AppendBench {
  private static final String HASH = "ab".repeat(32);
  // The same columns as audit_entry (V1__foundation.sql).
  private static final String CREATE_PLAIN =
      "create table bench_plain (seq bigint primary key, at timestamp with time zone not null,"
          + " actor_type varchar(16) not null, actor_id varchar(64) not null,"
          + " action varchar(64) not null, object_type varchar(64) not null,"
          + " object_id varchar(128) not null, outcome varchar(16) not null,"
          + " detail varchar(2000), prev_hash varchar(64) not null, hash varchar(64) not null)";

  private final Database database;
  private final int threads;
  private final Duration measure;
  private volatile boolean stopped;

  AppendBench(Database database, int threads, Duration measure) {
    this.database = database;
    this.threads = threads;
    this.measure = measure;
  }

  double plainInserts(int batch) throws Exception {
    database
        .jdbi()
        .useHandle(
            h -> {
              h.execute("drop table if exists bench_plain");
              h.execute(CREATE_PLAIN);
            });
    AtomicLong seq = new AtomicLong();
    String insert =
        "insert into bench_plain (seq, at, actor_type, actor_id, action, object_type, object_id,"
            + " outcome, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    return run(
        added -> {
          try (Connection connection = database.dataSource().getConnection();
              PreparedStatement statement = connection.prepareStatement(insert)) {
            connection.setAutoCommit(false);
            while (!stopped) {
              for (int i = 0; i < batch; i++) {
                long n = seq.incrementAndGet();
                AuditEvent event = AuditBench.event(n);
                statement.setLong(1, n);
                statement.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                statement.setString(3, event.actorType());
                statement.setString(4, event.actorId());
                statement.setString(5, event.action());
                statement.setString(6, event.objectType());
                statement.setString(7, event.objectId());
                statement.setString(8, event.outcome());
                statement.setObject(9, event.detail(), Types.VARCHAR);
                statement.setString(10, HASH);
                statement.setString(11, HASH);
                statement.addBatch();
              }
              statement.executeBatch();
              connection.commit();
              added.add(batch);
            }
          }
        });
  }

  double auditAppends(AuditLog log, int perCall) throws Exception {
    AtomicLong seq = new AtomicLong();
    return run(
        added -> {
          while (!stopped) {
            if (perCall == 1) {
              log.append(AuditBench.event(seq.incrementAndGet()));
            } else {
              List<AuditEvent> events = new ArrayList<>(perCall);
              for (int i = 0; i < perCall; i++) {
                events.add(AuditBench.event(seq.incrementAndGet()));
              }
              log.appendAll(events);
            }
            added.add(perCall);
          }
        });
  }

  // Start each measurement with PostgreSQL's dirty pages flushed, so that one run's checkpoint
  // writes do not land in the next run's window.
  private void settle() {
    if (database.engine() == Engine.POSTGRESQL) {
      database.jdbi().useHandle(h -> h.execute("checkpoint"));
    }
    System.gc();
  }

  interface Worker {
    void work(LongAdder added) throws Exception;
  }

  /** Runs the worker on every thread; returns rows per second over the measured window. */
  private double run(Worker worker) throws Exception {
    settle();
    stopped = false;
    LongAdder added = new LongAdder();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  worker.work(added);
                } catch (Exception e) {
                  e.printStackTrace();
                }
              });
      thread.start();
      running.add(thread);
    }
    Thread.sleep(2000); // warm-up: JIT, pool, caches
    long before = added.sum();
    long start = System.nanoTime();
    Thread.sleep(measure.toMillis());
    double rate = (added.sum() - before) / ((System.nanoTime() - start) / 1e9);
    stopped = true; // a flag, not interrupts: an interrupt closes H2's file channel
    for (Thread thread : running) {
      thread.join();
    }
    return rate;
  }
}
