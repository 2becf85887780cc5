package dev.steward.audit;

import dev.steward.keys.Keys;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** A fresh store with keys, an audit log, checkpoints and a verifier; closes them in order. */
final class AuditFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123456789Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  final Database database;
  final Keys keys;
  final AuditLog log;
  final AuditCheckpoints checkpoints;
  final AuditVerifier verifier;

  /** The keyring's database, with the head's witness, or null. */
  final Database keyring;

  final AuditWitness witness;

  private AuditFixture(Database database, Path keysDir, Database keyring) {
    this.database = database;
    this.keyring = keyring;
    this.keys = Keys.load(keysDir, Map.of(), database.jdbi(), CLOCK);
    this.witness = keyring == null ? null : new AuditWitness(keyring, keys, CLOCK);
    this.log = new AuditLog(database, CLOCK, witness);
    this.checkpoints = new AuditCheckpoints(database, keys, CLOCK);
    this.verifier = new AuditVerifier(database, checkpoints, witness);
  }

  static AuditFixture open(Engine engine, Path keysDir) {
    return new AuditFixture(TestDatabases.open(engine), keysDir, null);
  }

  /** A store whose audit writer witnesses the head in a keyring database of the same engine. */
  static AuditFixture witnessed(Engine engine, Path keysDir) {
    Database keyring =
        Database.open(
            dev.steward.store.StoreSettings.of(TestDatabases.freshUrl(engine)),
            "classpath:db/keyring");
    return new AuditFixture(TestDatabases.open(engine), keysDir, keyring);
  }

  static AuditEvent event(int i) {
    return new AuditEvent(
        "user", "u-" + (i % 7), "subject.read", "subject", "s-" + i, AuditEvent.OK, null);
  }

  void appendEvents(int count) {
    for (int i = 1; i <= count; i++) {
      log.append(event(i));
    }
  }

  void sql(String sql, Object... arguments) {
    database.jdbi().useHandle(handle -> handle.execute(sql, arguments));
  }

  String hashOf(long seq) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.select("select hash from audit_entry where seq = ?", seq)
                    .mapTo(String.class)
                    .one());
  }

  long count(String table) {
    return database
        .jdbi()
        .withHandle(h -> h.select("select count(*) from " + table).mapTo(Long.class).one());
  }

  @Override
  public void close() {
    log.close();
    database.close();
    if (keyring != null) {
      keyring.close();
    }
  }
}
