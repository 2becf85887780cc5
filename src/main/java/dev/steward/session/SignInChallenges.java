package dev.steward.session;

import dev.steward.vault.IdentityIndex;
import dev.steward.vault.IdentityType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The {@code subject_session_challenge} table: one-time sign-in codes, 6 digits, stored only as an
 * HMAC under the identity-index key (a copied table cannot be brute-forced), {@value #MAX_ATTEMPTS}
 * attempts within {@link #CODE_LIFETIME}, single use (RULES.md, verification levels). A new code
 * for an identity voids its earlier unused ones. Thread-safe.
 */
final class SignInChallenges {
  static final int MAX_ATTEMPTS = 5;
  static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
  private static final IdentityType SECRET = IdentityType.of("session_secret");

  /** A code just issued, to send and then forget. */
  record Issued(UUID challengeId, String code) {}

  /**
   * What checking a code found: the proven identity when it matched, else a reason code for the
   * audit log and a message for the person that never says whether the identity is known.
   */
  record Outcome(String identityType, String subjectRef, String reason, String message) {
    boolean ok() {
      return reason == null;
    }

    static Outcome failed(String reason, String message) {
      return new Outcome(null, null, reason, message);
    }
  }

  private record Row(
      String identityType,
      String subjectRef,
      String hash,
      Instant expiresAt,
      int attempts,
      Instant usedAt) {}

  private final IdentityIndex index;
  private final SecureRandom random = new SecureRandom();

  SignInChallenges(IdentityIndex index) {
    this.index = index;
  }

  Issued issue(Handle handle, IdentityType type, String subjectRef, Instant now) {
    UUID id = UUID.randomUUID();
    String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
    handle.execute(
        "update subject_session_challenge set used_at = ? where subject_ref = ? and used_at is null",
        at(now),
        subjectRef);
    handle.execute(
        "insert into subject_session_challenge (id, identity_type, subject_ref, code_hash,"
            + " created_at, expires_at, attempts, used_at) values (?, ?, ?, ?, ?, ?, 0, null)",
        id,
        type.id(),
        subjectRef,
        hash(id, code),
        at(now),
        at(now.plus(CODE_LIFETIME)));
    return new Issued(id, code);
  }

  /**
   * Checks a code under a row lock, so two tries cannot both spend it. A wrong attempt is counted
   * in the caller's transaction, which must commit even though the check failed.
   */
  Outcome check(Handle handle, UUID challengeId, String code, Instant now) {
    Optional<Row> found =
        handle
            .createQuery(
                "select identity_type, subject_ref, code_hash, expires_at, attempts, used_at"
                    + " from subject_session_challenge where id = :id for update")
            .bind("id", challengeId)
            .map(
                (rs, ctx) ->
                    new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs.getObject(4, OffsetDateTime.class)),
                        rs.getInt(5),
                        instant(rs.getObject(6, OffsetDateTime.class))))
            .findFirst();
    if (found.isEmpty()) {
      return Outcome.failed("unknown", "no code is pending for this sign-in; ask for a new one");
    }
    Row row = found.get();
    if (row.usedAt() != null) {
      return Outcome.failed("used", "this code has already been used; ask for a new one");
    }
    if (!now.isBefore(row.expiresAt())) {
      return Outcome.failed("expired", "this code has expired; ask for a new one");
    }
    if (row.attempts() >= MAX_ATTEMPTS) {
      return Outcome.failed("locked", "too many wrong attempts; ask for a new code");
    }
    if (code == null || !matches(row.hash(), hash(challengeId, code.strip()))) {
      handle.execute(
          "update subject_session_challenge set attempts = attempts + 1 where id = ?", challengeId);
      int left = MAX_ATTEMPTS - row.attempts() - 1;
      return Outcome.failed(
          "wrong",
          "the code is not right; " + left + " attempt" + (left == 1 ? "" : "s") + " left");
    }
    handle.execute(
        "update subject_session_challenge set used_at = ? where id = ?", at(now), challengeId);
    return new Outcome(row.identityType(), row.subjectRef(), null, null);
  }

  private String hash(UUID challengeId, String code) {
    return index.hashNormalized(SECRET, challengeId + ":" + code);
  }

  private static boolean matches(String stored, String computed) {
    return MessageDigest.isEqual(
        stored.getBytes(StandardCharsets.US_ASCII), computed.getBytes(StandardCharsets.US_ASCII));
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
