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

  private AuditFixture(Database database, Path keysDir) {
    this.database = database;
    this.keys = Keys.load(keysDir, Map.of(), database.jdbi(), CLOCK);
    this.log = new AuditLog(database, CLOCK);
    this.checkpoints = new AuditCheckpoints(database, keys, CLOCK);
    this.verifier = new AuditVerifier(database, checkpoints);
  }

  static AuditFixture open(Engine engine, Path keysDir) {
    return new AuditFixture(TestDatabases.open(engine), keysDir);
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
  }
}
