package dev.steward.session;

import dev.steward.onetime.OneTimeSecret;
import dev.steward.vault.IdentityIndex;
import dev.steward.vault.IdentityType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The {@code subject_session_challenge} table: one-time sign-in codes, 6 digits, stored only as an
 * HMAC under the identity-index key, {@value #MAX_ATTEMPTS} attempts within {@link #CODE_LIFETIME},
 * single use, by the rules of {@link OneTimeSecret} (RULES.md, verification levels). A new code for
 * an identity voids its earlier unused ones. Thread-safe.
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

  private final OneTimeSecret rules;

  SignInChallenges(IdentityIndex index) {
    this.rules =
        new OneTimeSecret(
            OneTimeSecret.Form.CODE,
            CODE_LIFETIME,
            MAX_ATTEMPTS,
            (challengeId, code) -> index.hashNormalized(SECRET, challengeId + ":" + code));
  }

  Issued issue(Handle handle, IdentityType type, String subjectRef, Instant now) {
    UUID id = UUID.randomUUID();
    String code = rules.next();
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
        rules.hash(id.toString(), code),
        at(now),
        at(rules.expiresAt(now)));
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
                        new OneTimeSecret.Stored(
                            rs.getString(3),
                            instant(rs.getObject(4, OffsetDateTime.class)),
                            rs.getInt(5),
                            instant(rs.getObject(6, OffsetDateTime.class)))))
            .findFirst();
    if (found.isEmpty()) {
      return Outcome.failed("unknown", "no code is pending for this sign-in; ask for a new one");
    }
    Row row = found.get();
    OneTimeSecret.Verdict verdict = rules.judge(row.stored(), challengeId.toString(), code, now);
    if (verdict == OneTimeSecret.Verdict.WRONG) {
      handle.execute(
          "update subject_session_challenge set attempts = attempts + 1 where id = ?", challengeId);
    }
    if (!verdict.right()) {
      return Outcome.failed(verdict.code(), rules.explain(verdict, row.stored(), "code"));
    }
    handle.execute(
        "update subject_session_challenge set used_at = ? where id = ?", at(now), challengeId);
    return new Outcome(row.identityType(), row.subjectRef(), null, null);
  }

  private record Row(String identityType, String subjectRef, OneTimeSecret.Stored stored) {}

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
