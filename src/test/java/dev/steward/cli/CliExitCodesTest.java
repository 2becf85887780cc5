package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliExitCodesTest {
  @TempDir Path dataDir;

  record Outcome(int code, String out, String err) {}

  static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        StewardCommand.run(
            args,
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void usersAdd_whereNoStoreIs_refusesNamingTheStoreItLookedFor_andCreatesNone() {
    Path elsewhere = dataDir.resolve("not-a-data-dir");

    Outcome outcome =
        run(
            "users",
            "add",
            "--username",
            "dana",
            "--role",
            "dpo",
            "--data-dir",
            elsewhere.toString());

    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err().strip())
        .startsWith("steward: no Steward store at " + elsewhere.resolve("steward.mv.db"))
        .doesNotContain("\n");
    assertThat(outcome.out()).doesNotContain("password");
    assertThat(elsewhere).doesNotExist();
  }

  @Test
  void usersList_onAPostgreSqlDatabaseWithoutSteward_refusesAndLeavesItEmpty() throws Exception {
    String url = dev.steward.store.TestDatabases.freshUrl(dev.steward.store.Engine.POSTGRESQL);

    Outcome outcome = run("users", "list", "--data-dir", dataDir.toString(), "--db-url", url);

    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("no Steward store in jdbc:postgresql:");
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
        java.sql.ResultSet tables =
            connection
                .getMetaData()
                .getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      assertThat(tables.next()).isFalse();
    }
  }

  @Test
  void version_printsTheVersionAndExitsZero() {
    Outcome outcome = run("--version");
    assertThat(outcome.code()).isZero();
    assertThat(outcome.out()).startsWith("steward ");
  }

  @Test
  void help_onEveryCommand_exitsZero() {
    assertThat(run("--help").code()).isZero();
    assertThat(run("serve", "--help").code()).isZero();
  }

  @Test
  void unknownOption_isBadUsage() {
    Outcome outcome = run("serve", "--no-such-option");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("--no-such-option").doesNotContain("\tat ");
  }

  @Test
  void portThatIsNotANumber_isBadUsage() {
    assertThat(run("serve", "--port", "eighty").code()).isEqualTo(2);
  }

  @Test
  void malformedDbUrl_isBadInputInOneLine() {
    Outcome outcome =
        run("serve", "--data-dir", dataDir.toString(), "--db-url", "postgres://somewhere/db");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err().strip())
        .startsWith("steward: unsupported database URL")
        .doesNotContain("\n");
  }

  @Test
  void unreachableDatabase_isARuntimeFailureInOneLine() {
    Outcome outcome =
        run(
            "serve",
            "--data-dir",
            dataDir.toString(),
            "--db-url",
            "jdbc:postgresql://127.0.0.1:1/nothing?user=nobody&connectTimeout=2");
    assertThat(outcome.code()).isEqualTo(1);
    assertThat(outcome.err().strip())
        .startsWith("steward: cannot reach the database")
        .doesNotContain("\n")
        .doesNotContain("\tat ");
  }

  @Test
  void portInUse_isARuntimeFailureInOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Outcome outcome =
          run(
              "serve",
              "--data-dir",
              dataDir.toString(),
              "--port",
              Integer.toString(taken.getLocalPort()));
      assertThat(outcome.code()).isEqualTo(1);
      assertThat(outcome.err().strip())
          .isEqualTo("steward: port " + taken.getLocalPort() + " is already in use");
    }
  }

  @Test
  void unknownKeyInStewardYaml_isBadInputNamingTheFileAndLine() throws Exception {
    java.nio.file.Files.writeString(dataDir.resolve("steward.yaml"), "port: 9000\nprot: 1\n");
    Outcome outcome = run("serve", "--data-dir", dataDir.toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("steward.yaml:2:").contains("unknown key 'prot'");
  }

  @Test
  void schedulerHeartbeatTooShortInStewardYaml_isBadInputNamingTheKey() throws Exception {
    java.nio.file.Files.writeString(
        dataDir.resolve("steward.yaml"), "scheduler-heartbeat-millis: 5\n");
    Outcome outcome = run("serve", "--data-dir", dataDir.toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err().strip())
        .isEqualTo("steward: scheduler-heartbeat-millis must be at least 100, was 5");
  }
}
