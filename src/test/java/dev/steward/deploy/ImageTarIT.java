package dev.steward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The image {@code mvn -Pimage package} writes to {@code target/steward-image.tar}, read without
 * Docker: its manifest and configuration must start the embedded default as a non-root user on port
 * 8080. Skipped, saying so, when the image was not built.
 */
class ImageTarIT {
  private static final Path IMAGE = Path.of("target", "steward-image.tar");

  @Test
  void image_startsTheEmbeddedDefault_asANonRootUser_onPort8080() throws IOException {
    Assumptions.assumeTrue(
        Files.isRegularFile(IMAGE),
        "no image at "
            + IMAGE
            + ": build it with deploy/base-image.sh && mvn -Pimage package (README, Run in"
            + " production)");
    Map<String, byte[]> files = read(IMAGE, Set.of("manifest.json"), ".json");
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(files.get("manifest.json")).get(0);
    JsonNode config = json.readTree(files.get(manifest.get("Config").asText())).get("config");

    List<String> command = new java.util.ArrayList<>();
    config.get("Entrypoint").forEach(part -> command.add(part.asText()));
    if (config.hasNonNull("Cmd")) {
      config.get("Cmd").forEach(part -> command.add(part.asText()));
    }
    assertThat(command.get(0)).isEqualTo("java");
    assertThat(command).containsSubsequence("dev.steward.Main", "serve");
    assertThat(command).noneMatch(part -> part.startsWith("--db-url") || part.startsWith("--port"));

    String user = config.get("User").asText();
    assertThat(user).isNotBlank().isNotEqualTo("root").doesNotStartWith("0:").isNotEqualTo("0");
    assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(config.get("Env").toString()).contains("STEWARD_DATA_DIR=/var/lib/steward");
    assertThat(manifest.get("Layers").size()).isGreaterThan(1);
  }

  /**
   * The tar's JSON files at its top level (the manifest and the configuration), read with the ustar
   * header layout; the layers are skipped.
   */
  private static Map<String, byte[]> read(Path tar, Set<String> names, String suffix)
      throws IOException {
    Map<String, byte[]> found = new HashMap<>();
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(tar))) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String name =
            text(header, 345, 155).isEmpty()
                ? text(header, 0, 100)
                : text(header, 345, 155) + "/" + text(header, 0, 100);
        long size =
            Long.parseLong(
                text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
        long padded = (size + 511) / 512 * 512;
        name = name.startsWith("./") ? name.substring(2) : name;
        if (names.contains(name) || (name.endsWith(suffix) && !name.contains("/"))) {
          found.put(name, in.readNBytes((int) size));
          in.skipNBytes(padded - size);
        } else {
          in.skipNBytes(padded);
        }
      }
    }
    assertThat(found).as("manifest.json in " + tar).containsKey("manifest.json");
    return found;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
