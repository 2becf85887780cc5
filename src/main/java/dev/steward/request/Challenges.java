package dev.steward.request;

import dev.steward.onetime.OneTimeSecret;
import dev.steward.vault.IdentityIndex;
import dev.steward.vault.IdentityType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BinaryOperator;
import org.jdbi.v3.core.Handle;

/**
 * One-time codes and request-scoped links, by the rules of {@link OneTimeSecret}: stored only as
 * keyed hashes, a new one replaces the old, a code allows {@value #MAX_ATTEMPTS} attempts within
 * {@link #CODE_LIFETIME} and works once (RULES.md); a link stays usable until it expires, since
 * several documents may be uploaded with it.
 */
final class Challenges {
  static final int MAX_ATTEMPTS = 5;
  static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
  static final Duration TOKEN_LIFETIME = Duration.ofDays(30);
  private static final IdentityType SECRET = IdentityType.of("request_secret");

  enum Kind {
    CODE,
    TOKEN
  }

  /** What checking a secret found; a failure's message is for the requester. */
  record Outcome(boolean ok, String failure) {}

  private final OneTimeSecret codes;
  private final OneTimeSecret tokens;

  Challenges(IdentityIndex index) {
    BinaryOperator<String> keyed =
        (requestId, secret) -> index.hashNormalized(SECRET, requestId + ":" + secret);
    this.codes = new OneTimeSecret(OneTimeSecret.Form.CODE, CODE_LIFETIME, MAX_ATTEMPTS, keyed);
    this.tokens = new OneTimeSecret(OneTimeSecret.Form.TOKEN, TOKEN_LIFETIME, MAX_ATTEMPTS, keyed);
  }

  private OneTimeSecret rules(Kind kind) {
    return kind == Kind.CODE ? codes : tokens;
  }

  /** Issues a new secret for the request, voiding earlier unused ones of the kind. */
  String issue(Handle handle, UUID requestId, Kind kind, Instant now) {
    OneTimeSecret rules = rules(kind);
    String secret = rules.next();
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
        .bind("hash", rules.hash(requestId.toString(), secret))
        .bind("now", now)
        .bind("expires", rules.expiresAt(now))
        .execute();
    return secret;
  }

  /**
   * Checks a secret against the latest one of its kind. A wrong attempt is counted in the caller's
   * transaction, which must commit even though the check failed. A code is spent when it matches; a
   * link stays usable until it expires.
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
                        new OneTimeSecret.Stored(
                            rs.getString(2),
                            RequestRows.instant(rs, "expires_at"),
                            rs.getInt(4),
                            RequestRows.instant(rs, "used_at"))))
            .findFirst();
    String what = kind == Kind.CODE ? "code" : "link";
    if (latest.isEmpty()) {
      return new Outcome(false, "no " + what + " is pending for this reference");
    }
    Row row = latest.get();
    OneTimeSecret rules = rules(kind);
    OneTimeSecret.Verdict verdict = rules.judge(row.stored(), requestId.toString(), secret, now);
    if (verdict == OneTimeSecret.Verdict.WRONG) {
      handle
          .createUpdate("update request_challenge set attempts = attempts + 1 where id = :id")
          .bind("id", row.id())
          .execute();
    }
    if (!verdict.right()) {
      return new Outcome(false, rules.explain(verdict, row.stored(), what));
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

  private record Row(UUID id, OneTimeSecret.Stored stored) {}
}
