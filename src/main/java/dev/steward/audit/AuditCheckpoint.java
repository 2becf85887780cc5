package dev.steward.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement that the chain had {@code seq} entries ending in {@code hash} at {@code
 * signedAt}. The signature covers (format version 1):
 *
 * <pre>
 * UTF-8("steward-audit-checkpoint-v1") ‖ int64(seq) ‖ 32 raw bytes of hash ‖ int64(signedAt)
 * </pre>
 *
 * with int64 big-endian and signedAt in microseconds since the epoch. The signature is a Tink
 * Ed25519 signature (Tink output prefix included), Base64-encoded; {@code keyFingerprint} names the
 * audit-signing key (SHA-256 of its public keyset).
 */
public record AuditCheckpoint(
    long seq, String hash, Instant signedAt, String keyFingerprint, String signature) {
  private static final byte[] LABEL =
      "steward-audit-checkpoint-v1".getBytes(StandardCharsets.UTF_8);

  /** The bytes the signature covers. */
  public byte[] signedBytes() {
    return ByteBuffer.allocate(LABEL.length + 8 + 32 + 8)
        .put(LABEL)
        .putLong(seq)
        .put(CanonicalForm.HEX.parseHex(hash))
        .putLong(CanonicalForm.micros(signedAt))
        .array();
  }
}
