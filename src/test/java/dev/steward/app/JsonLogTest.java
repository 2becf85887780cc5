package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.web.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** log-format: json, in a node process of its own, since it changes the process's logging. */
class JsonLogTest {
  @TempDir Path dataDir;

  @Test
  void jsonLog_isOneObjectPerLine_withAnAccessLinePerCall_andNoPersonalData() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    List<String> other = new ArrayList<>();
    try (NodeProcess node =
        NodeProcess.start(dataDir, Map.of("STEWARD_LOG_FORMAT", "json"), "json")) {
      node.call("GET", "/health", null, null);
      // A person's address in a body, which no line may repeat.
      node.call(
          "POST",
          "/api/v1/requests",
          null,
          "{\"type\":\"access\",\"email\":\"ada.lovelace@example.org\"}");
      node.call("GET", "/no/such/page?email=grace.hopper@example.org", null, null);
      NodeProcess.pause(300);
      for (String line : node.console().split("\n")) {
        if (line.startsWith("{")) {
          lines.add(Json.mapper().readTree(line));
        } else if (!line.isBlank()) {
          other.add(line);
        }
      }
    }

    // What is not JSON is the console's own words to the operator (the URL, the first password).
    assertThat(other).allSatisfy(line -> assertThat(line).doesNotContain(" INFO "));
    JsonNode health =
        lines.stream()
            .filter(line -> line.path("loggerName").asText().equals("steward.access"))
            .filter(line -> line.toString().contains("\"/health\""))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no access line for /health in " + lines));
    String access = health.toString();
    assertThat(access)
        .contains("{\"route\":\"/health\"}")
        .contains("{\"status\":\"200\"}")
        .contains("{\"durationMs\":")
        .containsPattern("\"mdc\":\\{\"requestId\":\"[0-9a-f]{16}\"}");
    assertThat(lines).anySatisfy(line -> assertThat(line.path("level").asText()).isEqualTo("INFO"));
    String all = String.join("\n", lines.stream().map(JsonNode::toString).toList());
    assertThat(all)
        .contains("\"route\":\"unmatched\"")
        .doesNotContain("ada.lovelace")
        .doesNotContain("grace.hopper")
        .doesNotContain("127.0.0.1");
    assertThat(Files.exists(dataDir)).isTrue();
  }
}
