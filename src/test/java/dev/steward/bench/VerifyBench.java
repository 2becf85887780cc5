package dev.steward.bench;

import dev.steward.audit.AuditCheckpoints;
import dev.steward.audit.AuditEvent;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditVerification;
import dev.steward.audit.AuditVerifier;
import dev.steward.keys.Keys;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Verification speed against its baseline: the same SELECT of every entry, streamed the same way
 * (one snapshot transaction, fetch size, H2 lazy execution), reading every column with the same
 * getters and taking one SHA-256 per row over its values (numbers as raw bytes, text as UTF-8),
 * with nothing else: no hex, no comparison, no chaining. Runs alternate and the best of each is
 * kept.
 */
final class VerifyBench {
  private static final String SELECT =
      "select seq, at, actor_type, actor_id, action, object_type, object_id, outcome, detail,"
          + " prev_hash, hash from audit_entry order by seq";

  private final Database database;
  private final AuditVerifier verifier;
  private long sink;

  record Rates(double baseline, double verify) {}

  VerifyBench(Database database, Path keysDir) {
    this.database = database;
    Keys keys = Keys.load(keysDir, Map.of(), database.jdbi(), Clock.systemUTC());
    this.verifier =
        new AuditVerifier(database, new AuditCheckpoints(database, keys, Clock.systemUTC()));
  }

  /** Tops the chain up to {@code entries} with bulk appends. */
  void fill(int entries) {
    long existing =
        database
            .jdbi()
            .withHandle(h -> h.select("select seq from audit_head").mapTo(Long.class).one());
    try (AuditLog log = new AuditLog(database, Clock.systemUTC())) {
      for (long n = existing; n < entries; ) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 5000 && n < entries; i++) {
          events.add(AuditBench.event(++n));
        }
        log.appendAll(events);
      }
    }
  }

  Rates measure(int rounds) throws Exception {
    double baseline = 0;
    double verify = 0;
    for (int round = 0; round <= rounds; round++) { // round 0 warms up
      long start = System.nanoTime();
      long rows = baselineRows();
      double baselineRate = rows / ((System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      AuditVerification result = verifier.verify();
      double verifyRate = result.entries() / ((System.nanoTime() - start) / 1e9);
      if (!result.ok() || result.entries() != rows) {
        throw new IllegalStateException("benchmark chain does not verify: " + result.message());
      }
      if (round > 0) {
        baseline = Math.max(baseline, baselineRate);
        verify = Math.max(verify, verifyRate);
      }
    }
    return new Rates(baseline, verify);
  }

  private long baselineRows() throws Exception {
    return database
        .jdbi()
        .inTransaction(
            database.engine() == Engine.H2
                ? TransactionIsolationLevel.SERIALIZABLE
                : TransactionIsolationLevel.REPEATABLE_READ,
            handle -> {
              Connection connection = handle.getConnection();
              lazy(connection, true);
              MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
              ByteBuffer numbers = ByteBuffer.allocate(16);
              long rows = 0;
              try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setFetchSize(2000);
                try (ResultSet rs = select.executeQuery()) {
                  while (rs.next()) {
                    Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
                    numbers.clear().putLong(rs.getLong(1)).putLong(at.getEpochSecond());
                    sha256.update(numbers.array());
                    for (int column = 3; column <= 11; column++) {
                      String value = rs.getString(column);
                      if (value != null) {
                        sha256.update(value.getBytes(StandardCharsets.UTF_8));
                      }
                    }
                    sink += sha256.digest()[0];
                    rows++;
                  }
                }
              } finally {
                lazy(connection, false);
              }
              return rows;
            });
  }

  private void lazy(Connection connection, boolean on) throws Exception {
    if (database.engine() == Engine.H2) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("set lazy_query_execution " + on);
      }
    }
  }

  @Override
  public String toString() {
    return "VerifyBench(" + sink + ")";
  }
}
