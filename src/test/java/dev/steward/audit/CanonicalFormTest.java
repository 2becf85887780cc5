package dev.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Re-implements the documented layout independently, as an auditor would. */
class CanonicalFormTest {

  @Test
  void hash_followsTheDocumentedLayout_withNullAndNonAsciiFields() throws Exception {
    byte[] prev = new byte[32];
    prev[0] = 7;
    Instant at = Instant.parse("2025-03-01T10:15:30.123456Z");
    AuditEvent event =
        new AuditEvent("user", "u-1", "subject.read", "subject", "s-ü€𝄞", "ok", null);

    byte[] actual = new CanonicalForm().hash(prev, 42, CanonicalForm.micros(at), event);

    ByteArrayOutputStream canonical = new ByteArrayOutputStream();
    canonical.write(ByteBuffer.allocate(16).putLong(42).putLong(1740824130123456L).array());
    for (String field : new String[] {"user", "u-1", "subject.read", "subject", "s-ü€𝄞", "ok"}) {
      byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
      canonical.write(ByteBuffer.allocate(4).putInt(utf8.length).array());
      canonical.write(utf8);
    }
    canonical.write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update(prev);
    byte[] expected = sha256.digest(canonical.toByteArray());

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void hash_emptyDetailAndAbsentDetail_differ() {
    CanonicalForm canonical = new CanonicalForm();
    byte[] prev = new byte[32];
    byte[] absent = canonical.hash(prev, 1, 0, "a", "b", "c", "d", "e", "f", null);
    byte[] empty = canonical.hash(prev, 1, 0, "a", "b", "c", "d", "e", "f", "");

    assertThat(absent).isNotEqualTo(empty);
  }

  @Test
  void hash_fieldBoundaryMoved_differs() {
    CanonicalForm canonical = new CanonicalForm();
    byte[] prev = new byte[32];
    byte[] one = canonical.hash(prev, 1, 0, "ab", "c", "x", "x", "x", "x", null);
    byte[] other = canonical.hash(prev, 1, 0, "a", "bc", "x", "x", "x", "x", null);

    assertThat(one).isNotEqualTo(other);
  }
}
