package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.store.Database;
import dev.steward.store.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward retention run} as an operating-system process of its own over a seeded file store,
 * killed with SIGKILL once its progress rows show it midway, then run again: every item is carried
 * out once, none is skipped, and the one certificate verifies.
 */
class RetentionKillIT {
  private static final int PEOPLE = 2000;
  private static final Duration LIMIT = Duration.ofSeconds(180);

  @TempDir Path dir;

  /**
   * Held open from seeding to the end, so this JVM serves the store (H2 {@code AUTO_SERVER}) and
   * the killed process is a client whose death leaves the store served.
   */
  private Connection held;

  @Test
  void aRunKilledMidway_isFinishedByTheNextRun_deletingEachItemOnce_skippingNone()
      throws Exception {
    Path data = dir.resolve("data");
    String url = StoreSettings.h2FileUrl(data.resolve("steward"));
    Database.open(StoreSettings.of(url)).close();
    held = DriverManager.getConnection(url);
    try {
      scenario(url, data);
    } finally {
      held.close();
    }
  }

  private void scenario(String url, Path data) throws Exception {
    StringBuilder csv = new StringBuilder("email\n");
    for (int i = 0; i < PEOPLE; i++) {
      csv.append("person").append(i).append("@example.com\n");
    }
    Path people = Files.writeString(dir.resolve("people.csv"), csv);
    Path mapping = Files.writeString(dir.resolve("mapping.yaml"), ImportCommandTest.MAPPING);
    CliExitCodesTest.Outcome imported =
        CliExitCodesTest.run(
            "import",
            people.toString(),
            "--mapping",
            mapping.toString(),
            "--data-dir",
            data.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    // Every relationship ended seven years ago: the bundled rule keeps data six years after.
    execute(
        url,
        "update vault_subject set relationship_end = DATE '" + LocalDate.now().minusYears(7) + "'");

    Process first = retentionRun(data, "first");
    Map<String, Long> seen = awaitMidway(url, first);
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Map<String, Long> atKill = outcomes(url);
    assertThat(atKill.getOrDefault("pending", 0L)).as("left at the kill: %s", atKill).isPositive();
    assertThat(query(url, "select count(*) from retention_run where state = 'running'"))
        .isEqualTo(1);
    // The killed process can no longer renew its claim; two minutes of silence pass.
    execute(
        url,
        "update retention_run set claimed_at = claimed_at - INTERVAL '3' MINUTE where state ="
            + " 'running'");

    Process second = retentionRun(data, "second");
    assertThat(second.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS))
        .as("the second run finishes")
        .isTrue();
    String secondOut = read(data.resolve("retention-second.log"));
    assertThat(second.exitValue()).as(secondOut).isZero();
    assertThat(secondOut).contains("finished the unfinished run");

    assertThat(query(url, "select count(*) from retention_run")).isEqualTo(1);
    assertThat(query(url, "select count(*) from retention_run where state = 'finished'"))
        .isEqualTo(1);
    assertThat(outcomes(url)).isEqualTo(Map.of("deleted", 2L * PEOPLE));
    assertThat(query(url, "select count(*) from vault_record")).isZero();
    assertThat(query(url, "select count(*) from vault_subject")).isZero();
    assertThat(query(url, "select count(*) from vault_tombstone where completed_at is not null"))
        .isEqualTo(PEOPLE);
    // Nothing deleted twice: the audit log holds each record's deletion once, each erasure once.
    long recordsDeleted = 0;
    for (String detail :
        strings(url, "select detail from audit_entry where action = 'record.delete'")) {
      recordsDeleted += Long.parseLong(detail.replaceAll("records=(\\d+).*", "$1"));
    }
    assertThat(recordsDeleted).isEqualTo(PEOPLE);
    assertThat(
            query(
                url,
                "select count(*) from audit_entry where action = 'subject.erase' and outcome ="
                    + " 'ok'"))
        .isEqualTo(PEOPLE);
    assertThat(
            query(
                url,
                "select count(distinct object_id) from audit_entry where action = 'subject.erase'"
                    + " and outcome = 'ok'"))
        .isEqualTo(PEOPLE);
    assertThat(seen.get("done")).isLessThan(2L * PEOPLE);

    Path certificate =
        Files.writeString(
            dir.resolve("certificate.json"),
            strings(url, "select certificate from retention_run").get(0));
    CliExitCodesTest.Outcome verified =
        CliExitCodesTest.run(
            "retention",
            "verify-certificate",
            certificate.toString(),
            "--data-dir",
            data.toString());
    assertThat(verified.code()).as(verified.err()).isZero();
    assertThat(verified.out()).contains("verifies");
    assertThat(Files.readString(certificate))
        .contains("\"deleted\" : " + 2 * PEOPLE)
        .doesNotContain("@example.com");
  }

  /**
   * Polls the run's progress rows until some, not all, items are done; fails if the process ends
   * first or the limit passes.
   */
  private Map<String, Long> awaitMidway(String url, Process process) throws Exception {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the run ended (" + process.exitValue() + ") before midway");
      }
      Map<String, Long> outcomes = outcomes(url);
      long total = outcomes.values().stream().mapToLong(Long::longValue).sum();
      long done = total - outcomes.getOrDefault("pending", 0L);
      if (total > 0 && done >= total / 20 && done < total) {
        return Map.of("done", done, "total", total);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    throw new AssertionError("the run did not get midway within " + LIMIT);
  }

  private Process retentionRun(Path data, String name) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(List.of("dev.steward.Main", "retention", "run", "--data-dir", data.toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(data.resolve("retention-" + name + ".log").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
  }

  private Map<String, Long> outcomes(String url) throws SQLException {
    Map<String, Long> outcomes = new HashMap<>();
    try (Statement s = held.createStatement();
        ResultSet rs =
            s.executeQuery("select outcome, count(*) from retention_item group by outcome")) {
      while (rs.next()) {
        outcomes.put(rs.getString(1), rs.getLong(2));
      }
    }
    return outcomes;
  }

  private long query(String url, String sql) throws SQLException {
    try (Statement s = held.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<String> strings(String url, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = held.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private void execute(String url, String sql) throws SQLException {
    try (Statement s = held.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
