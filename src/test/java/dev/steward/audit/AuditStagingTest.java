package dev.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An entry about a change lives and dies with the change's transaction: staged in it, chained after
 * it commits, gone if it rolls back, and chained by whichever writer looks next when a node died
 * between its commit and the chaining.
 */
class AuditStagingTest {
  private static final Principal STAFF = new Principal.System("staff-test");
  @TempDir Path keys;

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void aCommittedChange_isInTheChainWhenTheCallReturns(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, keys)) {
      audit
          .database
          .jdbi()
          .useTransaction(
              handle -> {
                handle.execute(
                    "insert into generation (kind, generation) values ('staged-test', 1)");
                audit.log.record(handle, STAFF, "test.change", "thing", "t-1", "ok", "n=1");
                audit.log.record(handle, STAFF, "test.change", "thing", "t-2", "ok", "n=2");
              });

      assertThat(objectIds(audit)).containsExactly("t-1", "t-2");
      assertThat(staged(audit)).isZero();
      assertThat(audit.verifier.verify().message()).isEqualTo("ok 2 entries");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void aChangeThatRollsBack_leavesNoEntry(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, keys)) {
      assertThatThrownBy(
              () ->
                  audit
                      .database
                      .jdbi()
                      .useTransaction(
                          handle -> {
                            handle.execute(
                                "insert into generation (kind, generation) values ('rolled-back', 1)");
                            audit.log.record(
                                handle, STAFF, "test.change", "thing", "t-9", "ok", null);
                            throw new IllegalStateException("refused after the entry was staged");
                          }))
          .isInstanceOf(IllegalStateException.class);
      audit.log.append(AuditFixture.event(1));

      assertThat(objectIds(audit)).containsExactly("s-1");
      assertThat(staged(audit)).isZero();
      int kept =
          audit
              .database
              .jdbi()
              .withHandle(
                  h ->
                      h.select("select count(*) from generation where kind = 'rolled-back'")
                          .mapTo(Integer.class)
                          .one());
      assertThat(kept).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void aNodeKilledBetweenItsCommitAndTheChaining_hasItsEntryChainedByTheNextWriter(Engine engine)
      throws InterruptedException {
    try (AuditFixture audit = AuditFixture.open(engine, keys)) {
      audit.log.append(AuditFixture.event(1));
      // What a node killed after committing its change leaves: the staged entry, committed, and no
      // writer of its own to chain it.
      audit.sql(
          "insert into audit_staged (at, actor_type, actor_id, action, object_type, object_id,"
              + " outcome, detail) values (?, 'system', 'killed-node', 'test.change', 'thing',"
              + " 't-left', 'ok', null)",
          java.sql.Timestamp.from(AuditFixture.NOW));

      // The other node's writer finds it on its own, within its sweep.
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (staged(audit) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(objectIds(audit)).containsExactly("s-1", "t-left");

      // And a writer that starts (the node restarted) chains what was left before anything else.
      audit.sql(
          "insert into audit_staged (at, actor_type, actor_id, action, object_type, object_id,"
              + " outcome, detail) values (?, 'system', 'killed-node', 'test.change', 'thing',"
              + " 't-left-2', 'ok', null)",
          java.sql.Timestamp.from(AuditFixture.NOW));
      try (AuditLog restarted = new AuditLog(audit.database, Clock.systemUTC())) {
        restarted.append(AuditFixture.event(2));
      }
      assertThat(objectIds(audit)).containsExactly("s-1", "t-left", "t-left-2", "s-2");
      assertThat(audit.verifier.verify().message()).isEqualTo("ok 4 entries");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void twoNodesStagingAtOnce_chainEachEntryExactlyOnce(Engine engine) throws Exception {
    try (AuditFixture audit = AuditFixture.open(engine, keys);
        AuditLog other = new AuditLog(audit.database, Clock.systemUTC())) {
      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        AuditTrail log = t % 2 == 0 ? audit.log : other;
        int thread = t;
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    String id = thread + "-" + i;
                    audit
                        .database
                        .jdbi()
                        .useTransaction(
                            handle -> log.record(handle, STAFF, "test.change", "thing", id));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      threads.shutdown();

      List<String> ids = objectIds(audit);
      assertThat(ids).hasSize(200).doesNotHaveDuplicates();
      assertThat(staged(audit)).isZero();
      assertThat(audit.verifier.verify().message()).isEqualTo("ok 200 entries");
    }
  }

  private static List<String> objectIds(AuditFixture audit) {
    return audit
        .database
        .jdbi()
        .withHandle(
            h ->
                h.select("select object_id from audit_entry order by seq")
                    .mapTo(String.class)
                    .list());
  }

  private static int staged(AuditFixture audit) {
    return audit
        .database
        .jdbi()
        .withHandle(h -> h.select("select count(*) from audit_staged").mapTo(Integer.class).one());
  }
}
