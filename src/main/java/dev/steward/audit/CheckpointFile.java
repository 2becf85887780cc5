package dev.steward.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.error.InvalidInputException;
import dev.steward.error.StoreUnavailableException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The export format of checkpoints: one JSON object per line, {@code {"seq":…, "hash":"…",
 * "signedAt":"…Z", "keyFingerprint":"…", "signature":"…base64…"}}. Written to a temporary file and
 * moved into place, so a reader never sees half a file.
 */
final class CheckpointFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CheckpointFile() {}

  static void write(Path out, List<AuditCheckpoint> checkpoints) {
    Path target = out.toAbsolutePath();
    try {
      Path temp = Files.createTempFile(target.getParent(), ".checkpoints", ".tmp");
      try (BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        for (AuditCheckpoint checkpoint : checkpoints) {
          writer.write(toJson(checkpoint));
          writer.newLine();
        }
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StoreUnavailableException("cannot write checkpoints to " + target + ": " + e, e);
    }
  }

  static List<AuditCheckpoint> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read checkpoints file " + file + ": " + e);
    }
    List<AuditCheckpoint> checkpoints = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        checkpoints.add(parse(file, i + 1, lines.get(i)));
      }
    }
    return checkpoints;
  }

  private static AuditCheckpoint parse(Path file, int lineNumber, String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return new AuditCheckpoint(
          node.required("seq").asLong(),
          node.required("hash").asText(),
          Instant.parse(node.required("signedAt").asText()),
          node.required("keyFingerprint").asText(),
          node.required("signature").asText());
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
          file
              + ":"
              + lineNumber
              + ": not a checkpoint line ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  private static String toJson(AuditCheckpoint checkpoint) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("seq", checkpoint.seq());
    node.put("hash", checkpoint.hash());
    node.put("signedAt", checkpoint.signedAt().toString());
    node.put("keyFingerprint", checkpoint.keyFingerprint());
    node.put("signature", checkpoint.signature());
    return JSON.writeValueAsString(node);
  }
}
