package dev.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.store.Engine;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuditVerifierTest {
  private static final String CONTENT =
      "at, actor_type, actor_id, action, object_type, object_id, outcome, detail, prev_hash, hash";

  @TempDir Path temp;

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_emptyChain_isOk(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      assertThat(audit.verifier.verify().message()).isEqualTo("ok 0 entries");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_rowEditedInDatabase_reportsThatEntry(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      audit.appendEvents(10);
      audit.sql("update audit_entry set object_id = 's-other' where seq = 4");

      assertThat(audit.verifier.verify().message())
          .isEqualTo("audit chain broken at entry 4: changed: its hash does not match its content");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_detailSetWhereThereWasNone_reportsThatEntry(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      audit.appendEvents(5);
      audit.sql("update audit_entry set detail = '' where seq = 2");

      assertThat(audit.verifier.verify().brokenAt()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_middleRowDeleted_reportsTheMissingEntry(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      audit.appendEvents(10);
      audit.sql("delete from audit_entry where seq = 5");

      assertThat(audit.verifier.verify().message())
          .isEqualTo("audit chain broken at entry 5: deleted: the next stored entry is 6");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_middleRowDeletedAndLaterOnesRenumbered_reportsTheBrokenLink(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      audit.appendEvents(10);
      audit.sql("delete from audit_entry where seq = 5");
      audit.sql("update audit_entry set seq = seq + 100 where seq > 5");
      audit.sql("update audit_entry set seq = seq - 101 where seq > 100");
      audit.sql("update audit_head set seq = 9");

      assertThat(audit.verifier.verify().message())
          .startsWith("audit chain broken at entry 5: its prev_hash does not match");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_twoRowsSwapped_reportsTheFirstOfThem(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      audit.appendEvents(10);
      swapRows(audit, 3, 7);

      assertThat(audit.verifier.verify().message())
          .isEqualTo(
              "audit chain broken at entry 3: its prev_hash does not match the hash of entry 2:"
                  + " entries were deleted, inserted or reordered");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_twoRowsContentSwappedButNotTheirHashes_reportsTheFirstOfThem(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      audit.appendEvents(10);
      audit.sql("update audit_entry set object_id = 'tmp' where seq = 3");
      audit.sql("update audit_entry set object_id = 's-3' where seq = 7");
      audit.sql("update audit_entry set object_id = 's-7' where seq = 3");

      assertThat(audit.verifier.verify().brokenAt()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_tailDeletedAndHeadRewound_isCaughtByTheStoredCheckpoint(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      audit.appendEvents(10);
      audit.checkpoints.checkpoint();
      truncateTo(audit, 7);

      assertThat(audit.verifier.verify().message())
          .isEqualTo(
              "audit chain broken at entry 8: deleted: a signed checkpoint covers entry 10 but the"
                  + " chain ends at entry 7");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_tailCutWithNoCheckpointAfterIt_isCaughtByTheHeadWitnessedInTheKeyring(Engine engine) {
    try (AuditFixture audit = AuditFixture.witnessed(engine, temp)) {
      audit.appendEvents(4);
      audit.checkpoints.checkpoint();
      audit.appendEvents(6);
      truncateTo(audit, 7);

      assertThat(audit.verifier.verify().message())
          .isEqualTo(
              "audit chain broken at entry 8: deleted: the chain ends at entry 7 but its head was"
                  + " entry 10 at "
                  + AuditFixture.NOW.truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                  + ", as witnessed in the keyring: entries were cut from the end");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_untouchedChainWithAWitnessedHead_isOk(Engine engine) {
    try (AuditFixture audit = AuditFixture.witnessed(engine, temp)) {
      audit.appendEvents(10);

      assertThat(audit.witness.read()).map(AuditCheckpoint::seq).contains(10L);
      assertThat(audit.verifier.verify().message()).isEqualTo("ok 10 entries");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_witnessedHeadEditedInTheKeyring_reportsItsSignatureInvalid(Engine engine) {
    try (AuditFixture audit = AuditFixture.witnessed(engine, temp)) {
      audit.appendEvents(10);
      audit.keyring.jdbi().useHandle(h -> h.execute("update audit_witness set seq = 7"));

      assertThat(audit.verifier.verify().message())
          .isEqualTo(
              "audit chain broken at entry 7: its signed head witness does not verify (head"
                  + " witness changed or forged)");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_tailAndStoredCheckpointsDeleted_isCaughtByTheExportedFile(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      audit.appendEvents(10);
      audit.checkpoints.checkpoint();
      Path exported = temp.resolve("checkpoints.jsonl");
      assertThat(audit.checkpoints.export(exported)).isEqualTo(1);
      truncateTo(audit, 7);
      audit.sql("delete from audit_checkpoint");

      assertThat(audit.verifier.verify().message()).isEqualTo("ok 7 entries");
      assertThat(audit.verifier.verify(exported).brokenAt()).isEqualTo(8);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_headRowHashEdited_reportsTheLastEntry(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      audit.appendEvents(10);
      audit.sql("update audit_head set hash = ? where id = 1", audit.hashOf(9));

      assertThat(audit.verifier.verify().message())
          .isEqualTo(
              "audit chain broken at entry 10: the head row's hash does not match this entry (head"
                  + " row changed)");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_headRowSeqEdited_reportsWhereHeadAndChainPart(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      audit.appendEvents(10);
      audit.sql("update audit_head set seq = 12 where id = 1");
      assertThat(audit.verifier.verify().message())
          .isEqualTo(
              "audit chain broken at entry 11: deleted: the head row records 12 entries but the"
                  + " chain ends at entry 10");

      audit.sql("update audit_head set seq = 6 where id = 1");
      assertThat(audit.verifier.verify().message())
          .isEqualTo(
              "audit chain broken at entry 7: the head row records only 6 entries (head row"
                  + " changed or rewound)");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_checkpointRowEdited_reportsItsSignatureInvalid(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      audit.appendEvents(5);
      audit.checkpoints.checkpoint();
      audit.appendEvents(5);
      audit.sql("update audit_checkpoint set hash = ? where seq = 5", audit.hashOf(4));

      assertThat(audit.verifier.verify().message())
          .isEqualTo(
              "audit chain broken at entry 5: its signed checkpoint does not verify (checkpoint"
                  + " changed or forged)");

      audit.sql("update audit_checkpoint set hash = ?, seq = 6 where seq = 5", audit.hashOf(5));
      assertThat(audit.verifier.verify().brokenAt()).isEqualTo(6);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_chainRewrittenWithRecomputedHashes_isCaughtByTheCheckpoint(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      audit.appendEvents(10);
      audit.checkpoints.checkpoint();
      audit.sql("update audit_entry set object_id = 's-other' where seq = 6");
      rehash(audit);

      assertThat(audit.verifier.verify().message())
          .isEqualTo(
              "audit chain broken at entry 10: differs from its signed checkpoint: the chain was"
                  + " rewritten");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void checkpoint_sameHeadTwice_keepsOneCheckpoint(Engine engine) {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      assertThat(audit.checkpoints.checkpoint()).isEmpty();
      audit.appendEvents(3);

      AuditCheckpoint first = audit.checkpoints.checkpoint().orElseThrow();
      new AuditCheckpointTask(audit.checkpoints).run();

      assertThat(audit.checkpoints.stored()).containsExactly(first);
      assertThat(first.seq()).isEqualTo(3);
      assertThat(first.keyFingerprint())
          .isEqualTo(audit.keys.fingerprint(dev.steward.keys.KeyName.AUDIT_SIGNING));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_exportedCheckpointsOfAnotherStore_areRejected(Engine engine) {
    Path exported = temp.resolve("other.jsonl");
    try (AuditFixture other = AuditFixture.open(engine, temp.resolve("other-keys"))) {
      other.appendEvents(3);
      other.checkpoints.checkpoint();
      other.checkpoints.export(exported);
    }
    try (AuditFixture audit = AuditFixture.open(engine, temp.resolve("keys"))) {
      audit.appendEvents(3);

      assertThat(audit.verifier.verify(exported).reason())
          .startsWith("its checkpoint was signed by another key");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_whileOtherThreadsAppend_seesOneConsistentSnapshot(Engine engine) throws Exception {
    try (AuditFixture audit = AuditFixture.open(engine, temp)) {
      audit.appendEvents(2000);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread appender =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    audit.log.append(AuditFixture.event(1));
                  }
                } catch (RuntimeException e) {
                  failure.set(e);
                }
              });
      appender.start();
      try {
        for (int i = 0; i < 5; i++) {
          assertThat(audit.verifier.verify().message()).startsWith("ok ");
        }
      } finally {
        stop.set(true);
        appender.join();
      }
      assertThat(failure.get()).isNull();
      assertThat(audit.count("audit_entry")).isGreaterThan(2000);
    }
  }

  private static void swapRows(AuditFixture audit, long a, long b) {
    audit.sql("create table swap_tmp as select * from audit_entry where seq in (?, ?)", a, b);
    audit.sql("delete from audit_entry where seq in (?, ?)", a, b);
    audit.sql(
        "insert into audit_entry (seq, "
            + CONTENT
            + ") select case when seq = ? then ? else ? end, "
            + CONTENT
            + " from swap_tmp",
        a,
        b,
        a);
    audit.sql("drop table swap_tmp");
  }

  private static void truncateTo(AuditFixture audit, long seq) {
    audit.sql("delete from audit_entry where seq > ?", seq);
    audit.sql("update audit_head set seq = ?, hash = ? where id = 1", seq, audit.hashOf(seq));
  }

  /** What someone with write access but no signing key could do: recompute every hash. */
  private static void rehash(AuditFixture audit) {
    CanonicalForm canonical = new CanonicalForm();
    java.util.List<AuditEntry> entries =
        audit
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.select("select seq, " + CONTENT + " from audit_entry order by seq")
                        .map(
                            (rs, ctx) ->
                                new AuditEntry(
                                    rs.getLong(1),
                                    rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getString(9),
                                    null,
                                    null))
                        .list());
    byte[] prev = new byte[32];
    for (AuditEntry e : entries) {
      byte[] hash =
          canonical.hash(
              prev,
              e.seq(),
              CanonicalForm.micros(e.at()),
              e.actorType(),
              e.actorId(),
              e.action(),
              e.objectType(),
              e.objectId(),
              e.outcome(),
              e.detail());
      audit.sql(
          "update audit_entry set prev_hash = ?, hash = ? where seq = ?",
          CanonicalForm.HEX.formatHex(prev),
          CanonicalForm.HEX.formatHex(hash),
          e.seq());
      prev = hash;
    }
    audit.sql("update audit_head set hash = ? where id = 1", CanonicalForm.HEX.formatHex(prev));
  }
}
