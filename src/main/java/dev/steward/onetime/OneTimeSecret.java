package dev.steward.onetime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.BinaryOperator;

/**
 * The rules of a one-time secret, written once for every feature that sends one (a rights request's
 * code and upload link, a person's sign-in code): how it is made, how it is kept, and how a try is
 * judged. Each feature keeps its own table; this decides what its rows mean.
 *
 * <p>A secret is kept only as a keyed hash (RULES.md: "never stored in clear"), under a key the
 * store does not hold, so a copied table cannot be brute-forced. A try is judged against the latest
 * secret of its kind: used, expired, locked after {@code maxAttempts} wrong tries, wrong (the
 * caller counts the attempt in its transaction, which commits even though the try failed), or
 * right. Comparison takes constant time. Immutable and thread-safe.
 *
 * @param form what a secret looks like: 6 digits to type, or 26 letters and digits for a link
 * @param lifetime how long a secret may be used
 * @param maxAttempts wrong tries allowed before the secret is locked
 * @param keyedHash HMAC under a key kept outside the store, of (scope, value)
 */
public record OneTimeSecret(
    Form form, Duration lifetime, int maxAttempts, BinaryOperator<String> keyedHash) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

  /** What a secret looks like. */
  public enum Form {
    /** Six digits, typed by a person (RULES.md: default 15 minutes, 5 attempts). */
    CODE,
    /** 26 unambiguous letters and digits, carried in a link. */
    TOKEN
  }

  public OneTimeSecret {
    if (lifetime.isNegative() || lifetime.isZero() || maxAttempts < 1) {
      throw new IllegalArgumentException("a secret lives for a while and allows an attempt");
    }
  }

  /** A new secret of this form, to send and then forget. */
  public String next() {
    if (form == Form.CODE) {
      return String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
    }
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < 26; i++) {
      token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return token.toString();
  }

  /**
   * What to store for {@code secret}, bound to {@code scope} (the request or challenge it belongs
   * to, so a hash cannot be moved to another row). Tokens are compared without case or spaces.
   */
  public String hash(String scope, String secret) {
    return keyedHash.apply(scope, normalise(secret));
  }

  /** When a secret issued {@code at} stops working. */
  public Instant expiresAt(Instant at) {
    return at.plus(lifetime);
  }

  /** A stored secret as its feature reads it. */
  public record Stored(String hash, Instant expiresAt, int attempts, Instant usedAt) {}

  /** The judgement of one try. */
  public enum Verdict {
    RIGHT,
    WRONG,
    USED,
    EXPIRED,
    LOCKED;

    public boolean right() {
      return this == RIGHT;
    }

    /** Lower-case, for audit entries. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Judges {@code given} against the latest stored secret. A {@link Verdict#WRONG} try must be
   * counted by the caller; a {@link Verdict#RIGHT} one spent if the secret is single-use.
   */
  public Verdict judge(Stored stored, String scope, String given, Instant now) {
    if (stored.usedAt() != null) {
      return Verdict.USED;
    }
    if (!now.isBefore(stored.expiresAt())) {
      return Verdict.EXPIRED;
    }
    if (stored.attempts() >= maxAttempts) {
      return Verdict.LOCKED;
    }
    if (given == null) {
      return Verdict.WRONG;
    }
    boolean matches =
        MessageDigest.isEqual(
            stored.hash().getBytes(StandardCharsets.US_ASCII),
            hash(scope, given).getBytes(StandardCharsets.US_ASCII));
    return matches ? Verdict.RIGHT : Verdict.WRONG;
  }

  /**
   * What to tell the person about a failed try, never whether the identity behind it is known.
   *
   * @param what {@code code} or {@code link}
   */
  public String explain(Verdict verdict, Stored stored, String what) {
    return switch (verdict) {
      case RIGHT -> throw new IllegalArgumentException("a right try needs no explanation");
      case USED -> "this " + what + " has already been used; ask for a new one";
      case EXPIRED -> "this " + what + " has expired; ask for a new one";
      case LOCKED -> "too many wrong attempts; ask for a new " + what;
      case WRONG -> {
        int left = Math.max(0, maxAttempts - stored.attempts() - 1);
        yield "the "
            + what
            + " is not right; "
            + left
            + " attempt"
            + (left == 1 ? "" : "s")
            + " left";
      }
    };
  }

  private String normalise(String secret) {
    String stripped = secret.strip();
    return form == Form.TOKEN ? stripped.toUpperCase(Locale.ROOT) : stripped;
  }
}
