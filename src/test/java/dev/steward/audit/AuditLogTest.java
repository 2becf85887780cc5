package dev.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuditLogTest {
  @TempDir Path keys;

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void appendAndAppendAll_thenVerify_reportsEveryEntryIntact(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, keys)) {
      AuditEntry first = audit.log.append(AuditFixture.event(1));
      List<AuditEntry> batch =
          audit.log.appendAll(
              List.of(AuditFixture.event(2), AuditFixture.event(3).withDetail("r-9")));

      assertThat(first.seq()).isEqualTo(1);
      assertThat(first.prevHash()).isEqualTo(CanonicalForm.GENESIS_HASH);
      assertThat(first.at()).isEqualTo(AuditFixture.NOW.truncatedTo(ChronoUnit.MICROS));
      assertThat(batch).extracting(AuditEntry::seq).containsExactly(2L, 3L);
      assertThat(batch.get(0).prevHash()).isEqualTo(first.hash());
      assertThat(batch.get(1).detail()).isEqualTo("r-9");
      assertThat(audit.hashOf(3)).isEqualTo(batch.get(1).hash());
      assertThat(audit.verifier.verify().message()).isEqualTo("ok 3 entries");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void append_from16Threads_buildsOneGaplessChain(Engine engine) throws Exception {
    try (AuditFixture audit = AuditFixture.open(engine, keys)) {
      ExecutorService threads = Executors.newFixedThreadPool(16);
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        results.add(
            threads.submit(
                () -> {
                  List<Long> seqs = new ArrayList<>();
                  for (int i = 0; i < 150; i++) {
                    seqs.add(audit.log.append(AuditFixture.event(i)).seq());
                  }
                  return seqs;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> result : results) {
        all.addAll(result.get());
      }
      threads.shutdown();
      Collections.sort(all);

      assertThat(all).containsExactlyElementsOf(LongStream.rangeClosed(1, 2400).boxed().toList());
      assertThat(audit.verifier.verify().message()).isEqualTo("ok 2400 entries");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void twoNodesAppendingAtOnce_buildOneGaplessChain(Engine engine) throws Exception {
    try (AuditFixture audit = AuditFixture.open(engine, keys);
        AuditLog other = new AuditLog(audit.database, java.time.Clock.systemUTC())) {
      ExecutorService threads = Executors.newFixedThreadPool(16);
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        // Each node's writer finds the head moved by the other's now and then.
        AuditLog node = t % 2 == 0 ? audit.log : other;
        results.add(
            threads.submit(
                () -> {
                  List<Long> seqs = new ArrayList<>();
                  for (int i = 0; i < 100; i++) {
                    seqs.add(node.append(AuditFixture.event(i)).seq());
                  }
                  return seqs;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> result : results) {
        all.addAll(result.get());
      }
      threads.shutdown();
      Collections.sort(all);

      assertThat(all).containsExactlyElementsOf(LongStream.rangeClosed(1, 1600).boxed().toList());
      assertThat(audit.verifier.verify().message()).isEqualTo("ok 1600 entries");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void appendAll_transactionFails_throwsTypedExceptionAndLeavesTheChainUntouched(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, keys)) {
      audit.log.append(AuditFixture.event(1));
      audit.sql("alter table audit_entry add constraint refuse_boom check (action <> 'boom')");
      AuditEvent boom =
          new AuditEvent("system", "test", "boom", "subject", "s-1", AuditEvent.FAILED, null);

      assertThatThrownBy(() -> audit.log.appendAll(List.of(AuditFixture.event(2), boom)))
          .isInstanceOf(AuditWriteException.class)
          .hasMessageStartingWith("could not write 2 audit entries");
      assertThat(audit.count("audit_entry")).isEqualTo(1);

      AuditEntry after = audit.log.append(AuditFixture.event(3));
      assertThat(after.seq()).isEqualTo(2);
      assertThat(audit.verifier.verify().message()).isEqualTo("ok 2 entries");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void close_whileThreadsAppend_writesEverythingAcceptedAndRefusesTheRest(Engine engine)
      throws Exception {
    try (AuditFixture audit = AuditFixture.open(engine, keys)) {
      AtomicInteger written = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();
      ExecutorService threads = Executors.newFixedThreadPool(8);
      IntStream.range(0, 8)
          .forEach(
              t ->
                  threads.submit(
                      () -> {
                        for (int i = 0; i < 1000; i++) {
                          try {
                            audit.log.append(AuditFixture.event(i));
                            written.incrementAndGet();
                          } catch (AuditWriteException e) {
                            refused.incrementAndGet();
                          }
                        }
                      }));
      Thread.sleep(200);
      audit.log.close();
      threads.shutdown();
      assertThat(threads.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

      assertThat(written.get() + refused.get()).isEqualTo(8000);
      assertThat(audit.count("audit_entry")).isEqualTo(written.get());
      assertThat(audit.verifier.verify().ok()).isTrue();
      assertThatThrownBy(() -> audit.log.append(AuditFixture.event(1)))
          .isInstanceOf(AuditWriteException.class)
          .hasMessage("the audit log is closed");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void record_asAuditTrail_namesThePrincipalAsActor(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, keys)) {
      AuditTrail trail = audit.log;
      trail.record(new Principal.System("retention"), "retention.sweep", "job", "j-1");

      AuditEntry entry =
          audit
              .database
              .jdbi()
              .withHandle(
                  h ->
                      h.select("select actor_type, actor_id, outcome from audit_entry")
                          .map(
                              (rs, ctx) ->
                                  new AuditEntry(
                                      1,
                                      null,
                                      rs.getString(1),
                                      rs.getString(2),
                                      null,
                                      null,
                                      null,
                                      rs.getString(3),
                                      null,
                                      null,
                                      null))
                          .one());
      assertThat(entry.actorType()).isEqualTo("system");
      assertThat(entry.actorId()).isEqualTo("retention");
      assertThat(entry.outcome()).isEqualTo("ok");
    }
  }
}
