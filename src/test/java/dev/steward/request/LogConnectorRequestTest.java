package dev.steward.request;

import static dev.steward.request.FulfilmentTourTest.download;
import static dev.steward.request.FulfilmentTourTest.link;
import static dev.steward.request.FulfilmentTourTest.start;
import static dev.steward.request.FulfilmentTourTest.unzip;
import static dev.steward.request.RequestWorld.instant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.fulfilment.FulfilmentSettings;
import dev.steward.policy.PolicyChecker;
import dev.steward.store.Engine;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rights requests reaching a directory of web-server logs through the {@code logs} connector the
 * policy file declares, on a whole node: a person the vault never held is found by the address
 * their request proved, their access package holds their lines and no one else's, and their erasure
 * rewrites the file with their address redacted while the other visitors' lines stay.
 */
class LogConnectorRequestTest {
  private static final String CAROL =
      "203.0.113.7 - carol@example.com [01/Jun/2026:08:00:00 +0000] \"GET /orders/carol-77"
          + " HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"\n";
  private static final String DAVE =
      "198.51.100.9 - dave@example.com [01/Jun/2026:08:01:00 +0000] \"GET /orders/dave-88"
          + " HTTP/1.1\" 200 498 \"-\" \"Mozilla/5.0\"\n";
  private static RequestWorld world;
  @TempDir static Path dir;

  @BeforeAll
  static void startNode() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("access.log"), CAROL + DAVE + CAROL.replace("08:00", "09:00"));
    String policy;
    try (InputStream in =
        LogConnectorRequestTest.class
            .getClassLoader()
            .getResourceAsStream(PolicyChecker.BUNDLED_RESOURCE)) {
      policy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    policy =
        policy.replaceFirst(
            "(?m)^systems:\n",
            "systems:\n"
                + "  - id: access-logs\n"
                + "    name: Web server logs\n"
                + "    owner: unstated\n"
                + "    location: unstated\n"
                + "    processor: unstated\n"
                + "    categories: [device]\n"
                + "    connector: {type: logs, root: logs, threads: 1}\n");
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, policy);
    world =
        RequestWorld.start(
            Engine.H2,
            instant("2026-06-01T09:00", "UTC"),
            file,
            new FulfilmentSettings(
                Optional.empty(), Map.of(), "", Duration.ofDays(7), Duration.ofSeconds(1), true),
            List.of());
  }

  @AfterAll
  static void stop() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void accessThenErasure_ofAPersonOnlyTheLogsHold_findsThenRedactsExactlyTheirLines()
      throws Exception {
    UUID access = world.log("access", "GB", "carol@example.com", world.clock.instant());
    start(world, access);
    String letter = RequestWorld.body(world.letter("carol@example.com", "is complete"));
    String data = unzip(download(world, link(letter)).body()).get("data.json");
    assertThat(data).contains("/orders/carol-77", "access-logs").doesNotContain("dave");

    UUID erasure = world.log("erasure", "GB", "carol@example.com", world.clock.instant());
    start(world, erasure);
    RequestWorld.eventually(
        "the erasure completes", () -> world.state(erasure).equals("completed"));
    String rewritten = Files.readString(dir.resolve("logs/access.log"));
    assertThat(rewritten).doesNotContain("carol@example.com").contains(DAVE.strip());
    assertThat(rewritten.lines()).hasSize(3);
  }
}
