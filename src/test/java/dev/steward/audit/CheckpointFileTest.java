package dev.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
  @TempDir Path temp;

  @Test
  void writeThenRead_returnsTheSameCheckpoints() {
    List<AuditCheckpoint> checkpoints =
        List.of(
            new AuditCheckpoint(
                3, "a".repeat(64), Instant.parse("2025-03-01T10:00:00.000001Z"), "f", "c2ln"),
            new AuditCheckpoint(
                9, "b".repeat(64), Instant.parse("2025-03-02T10:00:00Z"), "f", "eA=="));
    Path file = temp.resolve("checkpoints.jsonl");

    CheckpointFile.write(file, checkpoints);

    assertThat(CheckpointFile.read(file)).isEqualTo(checkpoints);
  }

  @Test
  void read_malformedLine_isRefusedWithFileAndLineNumber() throws Exception {
    Path file = temp.resolve("checkpoints.jsonl");
    Files.writeString(file, "\n{\"seq\": 1}\n");

    assertThatThrownBy(() -> CheckpointFile.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ":2: not a checkpoint line");
  }
}
