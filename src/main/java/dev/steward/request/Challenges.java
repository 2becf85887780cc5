package dev.steward.request;

import dev.steward.vault.IdentityIndex;
import dev.steward.vault.IdentityType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * One-time codes and request-scoped links. Stored only as keyed hashes (HMAC under the identity
 * index key, so a copied table cannot be brute-forced); a new one replaces the old; a code allows
 * {@value #MAX_ATTEMPTS} attempts within {@link #CODE_LIFETIME} and works once (RULES.md).
 */
final class Challenges {
  static final int MAX_ATTEMPTS = 5;
  static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
  static final Duration TOKEN_LIFETIME = Duration.ofDays(30);
  private static final IdentityType SECRET = IdentityType.of("request_secret");
  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

  enum Kind {
    CODE,
    TOKEN
  }

  /** What checking a secret found; a failure's message is for the requester. */
  record Outcome(boolean ok, String failure) {}

  private final IdentityIndex index;
  private final SecureRandom random = new SecureRandom();

  Challenges(IdentityIndex index) {
    this.index = index;
  }

  /** Issues a new secret for the request, voiding earlier unused ones of the kind. */
  String issue(Handle handle, UUID requestId, Kind kind, Instant now) {
    String secret = kind == Kind.CODE ? code() : token();
    handle
        .createUpdate(
            "update request_challenge set used_at = :now where request_id = :id and kind = :kind"
                + " and used_at is null")
        .bind("now", now)
        .bind("id", requestId)
        .bind("kind", kind.name())
        .execute();
    handle
        .createUpdate(
            "insert into request_challenge (id, request_id, kind, secret_hash, created_at,"
                + " expires_at, attempts) values (:cid, :id, :kind, :hash, :now, :expires, 0)")
        .bind("cid", UUID.randomUUID())
        .bind("id", requestId)
        .bind("kind", kind.name())
        .bind("hash", hash(requestId, secret))
        .bind("now", now)
        .bind("expires", now.plus(kind == Kind.CODE ? CODE_LIFETIME : TOKEN_LIFETIME))
        .execute();
    return secret;
  }

  /**
   * Checks a secret against the latest one of its kind. A wrong attempt is counted in the caller's
   * transaction, which must commit even though the check failed. A code is spent when it matches; a
   * link stays usable until it expires (several documents may be uploaded with it).
   */
  Outcome check(Handle handle, UUID requestId, Kind kind, String secret, Instant now) {
    Optional<Row> latest =
        handle
            .createQuery(
                "select id, secret_hash, expires_at, attempts, used_at from request_challenge"
                    + " where request_id = :id and kind = :kind order by created_at desc")
            .bind("id", requestId)
            .bind("kind", kind.name())
            .map(
                (rs, ctx) ->
                    new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        RequestRows.instant(rs, "expires_at"),
                        rs.getInt(4),
                        RequestRows.instant(rs, "used_at")))
            .findFirst();
    String what = kind == Kind.CODE ? "code" : "link";
    if (latest.isEmpty()) {
      return new Outcome(false, "no " + what + " is pending for this reference");
    }
    Row row = latest.get();
    if (row.usedAt() != null) {
      return new Outcome(false, "this " + what + " has already been used; ask for a new one");
    }
    if (!now.isBefore(row.expiresAt())) {
      return new Outcome(false, "this " + what + " has expired; ask for a new one");
    }
    if (row.attempts() >= MAX_ATTEMPTS) {
      return new Outcome(false, "too many wrong attempts; ask for a new " + what);
    }
    boolean matches =
        secret != null
            && MessageDigest.isEqual(
                row.hash().getBytes(StandardCharsets.US_ASCII),
                hash(requestId, normalise(secret)).getBytes(StandardCharsets.US_ASCII));
    if (!matches) {
      handle
          .createUpdate("update request_challenge set attempts = attempts + 1 where id = :id")
          .bind("id", row.id())
          .execute();
      int left = MAX_ATTEMPTS - row.attempts() - 1;
      return new Outcome(
          false,
          "the " + what + " is not right; " + left + " attempt" + (left == 1 ? "" : "s") + " left");
    }
    if (kind == Kind.CODE) {
      handle
          .createUpdate("update request_challenge set used_at = :now where id = :id")
          .bind("now", now)
          .bind("id", row.id())
          .execute();
    }
    return new Outcome(true, null);
  }

  private record Row(UUID id, String hash, Instant expiresAt, int attempts, Instant usedAt) {}

  private String hash(UUID requestId, String secret) {
    return index.hashNormalized(SECRET, requestId + ":" + secret);
  }

  private static String normalise(String secret) {
    return secret.strip().toUpperCase(Locale.ROOT);
  }

  private String code() {
    return String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
  }

  private String token() {
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < 26; i++) {
      token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return token.toString();
  }
}
