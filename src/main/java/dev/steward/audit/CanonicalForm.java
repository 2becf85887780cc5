package dev.steward.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bytes an audit entry's hash covers (format version 1), so that an auditor can re-implement
 * verification from this description alone:
 *
 * <pre>
 * hash      = SHA-256( prev_hash ‖ canonical )
 * prev_hash = the 32 raw bytes of the previous entry's hash (32 zero bytes before entry 1)
 * canonical = int64(seq) ‖ int64(at) ‖ str(actor_type) ‖ str(actor_id) ‖ str(action)
 *             ‖ str(object_type) ‖ str(object_id) ‖ str(outcome) ‖ str(detail)
 * int64(n)  = n as 8 bytes, big-endian, two's complement
 * at        = microseconds since 1970-01-01T00:00:00Z (entries are stored to the microsecond)
 * str(s)    = uint32(byte length of UTF-8(s)), big-endian ‖ UTF-8(s)
 * str(null) = the 4 bytes FF FF FF FF and nothing else (only detail may be null)
 * </pre>
 *
 * Hashes are stored as 64 lower-case hex digits. Not thread-safe: one instance per thread.
 */
final class CanonicalForm {
  static final String GENESIS_HASH = "0".repeat(64);
  static final HexFormat HEX = HexFormat.of();

  private final MessageDigest sha256;
  private byte[] buffer = new byte[512];
  private int length;

  CanonicalForm() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  static long micros(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
  }

  /** The hash of an entry with these fields that follows an entry whose hash is {@code prev}. */
  byte[] hash(byte[] prev, long seq, long atMicros, AuditEvent event) {
    return hash(
        prev,
        seq,
        atMicros,
        event.actorType(),
        event.actorId(),
        event.action(),
        event.objectType(),
        event.objectId(),
        event.outcome(),
        event.detail());
  }

  byte[] hash(
      byte[] prev,
      long seq,
      long atMicros,
      String actorType,
      String actorId,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String detail) {
    length = 0;
    putLong(seq);
    putLong(atMicros);
    putString(actorType);
    putString(actorId);
    putString(action);
    putString(objectType);
    putString(objectId);
    putString(outcome);
    putString(detail);
    sha256.update(prev);
    sha256.update(buffer, 0, length);
    return sha256.digest();
  }

  private void putLong(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[length++] = (byte) (value >>> shift);
    }
  }

  private void putInt(int at, int value) {
    buffer[at] = (byte) (value >>> 24);
    buffer[at + 1] = (byte) (value >>> 16);
    buffer[at + 2] = (byte) (value >>> 8);
    buffer[at + 3] = (byte) value;
  }

  private void putString(String value) {
    if (value == null) {
      ensure(4);
      putInt(length, -1);
      length += 4;
      return;
    }
    int chars = value.length();
    ensure(4 + chars);
    int start = length + 4;
    int end = start;
    for (int i = 0; i < chars; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        // Rare: ids and slugs are ASCII. Fall back to the JDK encoder for the whole string.
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        ensure(4 + utf8.length);
        System.arraycopy(utf8, 0, buffer, start, utf8.length);
        end = start + utf8.length;
        break;
      }
      buffer[end++] = (byte) c;
    }
    putInt(length, end - start);
    length = end;
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
