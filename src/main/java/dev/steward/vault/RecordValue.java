package dev.steward.vault;

import java.time.Instant;
import java.util.UUID;

/**
 * A record read with its decrypted value.
 *
 * @param rectifiedAt null when never rectified
 */
public record RecordValue(
    UUID id,
    UUID subjectId,
    String category,
    Provenance provenance,
    String value,
    Instant rectifiedAt) {
  @Override
  public String toString() {
    return "RecordValue[" + id + ", " + category + ", value hidden]";
  }
}
