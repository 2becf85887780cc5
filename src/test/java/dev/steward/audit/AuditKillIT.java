package dev.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.store.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An audit entry answered as written survives SIGKILL: a process appends from 16 threads (so the
 * writer groups them) and reports each entry once its call has answered; it is killed mid-stream,
 * and every entry it reported is in the chain, with the hash it was given, and the chain verifies.
 */
class AuditKillIT {
  private static final int REPORTED_BEFORE_KILL = 3000;

  @TempDir Path keys;

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void entriesAnsweredBeforeSigkill_areAllInTheChain(Engine engine) throws Exception {
    String url = TestDatabases.freshUrl(engine);
    // Migrated here, so that the child starts appending at once.
    Database.open(StoreSettings.of(url)).close();
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                AuditAppender.class.getName(),
                url)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Map<Long, String> answered = new LinkedHashMap<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (answered.size() < REPORTED_BEFORE_KILL && (line = lines.readLine()) != null) {
        String[] parts = line.split(" ");
        answered.put(Long.parseLong(parts[0]), parts[1]);
      }
      // SIGKILL while the other threads' appends are in flight: no shutdown hook, no close(). The
      // handle's signal leaves the pipe open, so what was answered meanwhile is still read.
      child.toHandle().destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      while ((line = lines.readLine()) != null) {
        String[] parts = line.split(" ");
        answered.put(Long.parseLong(parts[0]), parts[1]);
      }
    } finally {
      child.destroyForcibly();
    }
    assertThat(answered).hasSizeGreaterThanOrEqualTo(REPORTED_BEFORE_KILL);

    try (Database database = Database.open(StoreSettings.of(url))) {
      Map<Long, String> stored = new LinkedHashMap<>();
      database
          .jdbi()
          .useHandle(
              handle ->
                  handle
                      .createQuery("select seq, hash from audit_entry")
                      .map((rs, ctx) -> stored.put(rs.getLong(1), rs.getString(2)))
                      .list());
      assertThat(stored).containsAllEntriesOf(answered);
      AuditVerifier verifier =
          new AuditVerifier(
              database,
              new AuditCheckpoints(
                  database,
                  dev.steward.keys.Keys.load(keys, Map.of(), database.jdbi(), AuditFixture.CLOCK),
                  AuditFixture.CLOCK),
              null);
      assertThat(verifier.verify().message()).isEqualTo("ok " + stored.size() + " entries");
    }
  }
}
