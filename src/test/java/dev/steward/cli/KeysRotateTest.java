package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.NewRecord;
import dev.steward.vault.NewSubject;
import dev.steward.vault.Provenance;
import dev.steward.vault.ReturningPerson;
import dev.steward.vault.Vault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code steward keys rotate} end to end: interrupted after one batch while a node keeps working,
 * resumed, promoted; the node then starts on the new master key alone and reads every value.
 */
class KeysRotateTest {
  private static final Principal SYSTEM = new Principal.System("test");

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void rotate_interruptedThenResumed_rewrapsEveryKeyAndValuesStayReadable(Engine engine)
      throws Exception {
    StewardConfig config = TestNodes.config(engine, TestNodes.http());
    Path keysDir = config.keysDir();
    Map<UUID, String> values = new LinkedHashMap<>();
    try (TestNodes.Running node = TestNodes.start(config)) {
      for (int i = 0; i < 5; i++) {
        values.put(
            subjectWith(node.node().vault().vault(), "person" + i + "@example.com"), "v" + i);
      }
    }
    byte[] oldMaster = Files.readAllBytes(keysDir.resolve("master.json"));

    String paused = steward(config, "keys", "rotate", "--batch-size", "2", "--max-batches", "1");

    assertThat(paused).contains("paused: 2 keys re-wrapped").contains("3 to go");
    assertThat(keysDir.resolve("master.next.json")).exists();
    assertThat(Files.readAllBytes(keysDir.resolve("master.json"))).isEqualTo(oldMaster);

    // Meanwhile a node reads keys under both masters and wraps a new one under the old master.
    try (TestNodes.Running node = TestNodes.start(config)) {
      Vault vault = node.node().vault().vault();
      values.forEach((id, value) -> assertThat(read(vault, id)).isEqualTo(value));
      values.put(subjectWith(vault, "late@example.com"), "late");
    }

    String finished = steward(config, "keys", "rotate", "--batch-size", "2");

    assertThat(finished).contains("finished: ").contains("0 to go");
    assertThat(keysDir.resolve("master.next.json")).doesNotExist();
    assertThat(Files.readAllBytes(keysDir.resolve("master.previous.json"))).isEqualTo(oldMaster);
    Files.delete(keysDir.resolve("master.previous.json"));
    try (TestNodes.Running node = TestNodes.start(config)) {
      Vault vault = node.node().vault().vault();
      values.forEach((id, value) -> assertThat(read(vault, id)).isEqualTo(value));
    }
    assertThat(steward(config, "keys", "sweep")).contains("finished: ").contains("0 to go");
  }

  private static UUID subjectWith(Vault vault, String email) {
    UUID id =
        vault.createSubject(
            SYSTEM,
            NewSubject.of("customer-contacts", List.of(Identity.email(email))),
            ReturningPerson.REFUSE);
    String value = email.startsWith("late") ? "late" : "v" + email.charAt(6);
    vault.addRecords(
        SYSTEM,
        List.of(
            new NewRecord(
                id,
                "contact.email",
                new Provenance(
                    "the-person",
                    "other-systems",
                    Set.of("relationship-admin"),
                    "dpv:Contract",
                    Instant.now(),
                    null),
                value)));
    return id;
  }

  private static String read(Vault vault, UUID id) {
    return vault.readRecords(SYSTEM, id, "relationship-admin").get(0).value();
  }

  private static String steward(StewardConfig config, String... command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--data-dir",
                config.dataDir().toString(),
                "--db-url",
                config.store().jdbcUrl(),
                "--keyring-url",
                config.keyring().jdbcUrl()));
    args.addAll(List.of(command));
    int exit =
        StewardCommand.run(
            args.toArray(String[]::new),
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
    return printed;
  }
}
