package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.AuditEvent;
import dev.steward.audit.AuditLog;
import dev.steward.keys.Keys;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.store.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class AuditCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private String url;
  private String keyringUrl;

  @BeforeEach
  void resetOutput() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_intactChain_printsOkAndExitsZero(Engine engine) {
    seed(engine, 12);

    assertThat(run("verify")).isZero();
    assertThat(out.toString()).isEqualTo("ok 12 entries\n");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_rowEditedInDatabase_printsTheBrokenEntryAndExitsOne(Engine engine) {
    seed(engine, 12);
    sql("update audit_entry set actor_id = 'someone-else' where seq = 9");

    assertThat(run("verify")).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("audit chain broken at entry 9: changed: its hash does not match its content\n");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verifyWithCheckpoints_exportedBeforeTruncation_catchesTheMissingTail(Engine engine) {
    seed(engine, 10);
    Path file = temp.resolve("checkpoints.jsonl");
    assertThat(run("checkpoints", "create")).isZero();
    assertThat(run("checkpoints", "export", "--out", file.toString())).isZero();
    assertThat(out.toString()).contains("checkpoint at entry 10", "exported 1 checkpoints to ");

    sql("delete from audit_entry where seq > 7");
    sql("update audit_head set seq = 7, hash = (select hash from audit_entry where seq = 7)");
    sql("delete from audit_checkpoint");

    assertThat(run("verify")).isZero();
    assertThat(run("verify", "--checkpoints", file.toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("audit chain broken at entry 8: deleted:");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_tailCutAfterTheLastCheckpoint_isCaughtByTheKeyringsWitness_andExitsOne(
      Engine engine) {
    seed(engine, 10);
    assertThat(run("checkpoints", "create")).isZero();
    appendWitnessed(engine, 5);
    assertThat(run("verify")).as(err.toString()).isZero();
    assertThat(out.toString()).endsWith("ok 15 entries\n");

    sql("delete from audit_entry where seq > 12");
    sql("update audit_head set seq = 12, hash = (select hash from audit_entry where seq = 12)");

    assertThat(run("verify")).isEqualTo(1);
    assertThat(err.toString())
        .startsWith(
            "audit chain broken at entry 13: deleted: the chain ends at entry 12 but its head was"
                + " entry 15 at ")
        .endsWith(", as witnessed in the keyring: entries were cut from the end\n");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void audit_withoutSubcommand_printsUsageAndExitsTwo(Engine engine) {
    url = TestDatabases.freshUrl(engine);

    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("verify", "checkpoints");
  }

  private int run(String... args) {
    StoreOpener store = () -> Database.open(StoreSettings.of(url));
    StoreOpener keyring =
        keyringUrl == null
            ? null
            : () -> Database.open(StoreSettings.of(keyringUrl), "classpath:db/keyring");
    KeysOpener keys = database -> Keys.load(temp.resolve("keys"), Map.of(), database.jdbi(), CLOCK);
    CommandLine command = new CommandLine(new AuditCommand(store, keyring, keys, CLOCK));
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  private void seed(Engine engine, int entries) {
    url = TestDatabases.freshUrl(engine);
    try (Database database = Database.open(StoreSettings.of(url));
        AuditLog log = new AuditLog(database, CLOCK)) {
      for (int i = 0; i < entries; i++) {
        log.append(new AuditEvent("system", "test", "job.run", "job", "j-" + i, "ok", null));
      }
    }
  }

  /** Appends as a node does, witnessing the head in a keyring of the same engine. */
  private void appendWitnessed(Engine engine, int entries) {
    keyringUrl = TestDatabases.freshUrl(engine);
    try (Database database = Database.open(StoreSettings.of(url));
        Database keyring = Database.open(StoreSettings.of(keyringUrl), "classpath:db/keyring")) {
      Keys keys = Keys.load(temp.resolve("keys"), Map.of(), database.jdbi(), CLOCK);
      try (AuditLog log =
          new AuditLog(database, CLOCK, new dev.steward.audit.AuditWitness(keyring, keys, CLOCK))) {
        for (int i = 0; i < entries; i++) {
          log.append(new AuditEvent("system", "test", "job.run", "job", "w-" + i, "ok", null));
        }
      }
    }
  }

  private void sql(String statement) {
    try (Database database = Database.open(StoreSettings.of(url))) {
      database.jdbi().useHandle(h -> h.execute(statement));
    }
  }
}
