package dev.steward.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets and their digests: bearer tokens, generated passwords, throttle keys. */
final class Secrets {
  static final String TOKEN_PREFIX = "stw_";
  static final String SESSION_PREFIX = "sts_";
  private static final SecureRandom RANDOM = new SecureRandom();
  // No 0/O, 1/l/I: generated passwords are read off a console and typed in once.
  private static final String PASSWORD_ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private Secrets() {}

  /** {@code stw_} and 43 characters: 32 random bytes, base64url without padding. */
  static String newToken() {
    return newToken(TOKEN_PREFIX);
  }

  /** A subject session's token: {@code sts_} and 32 random bytes, like an API token. */
  static String newSessionToken() {
    return newToken(SESSION_PREFIX);
  }

  private static String newToken(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static boolean looksLikeToken(String candidate) {
    return looksLike(candidate, TOKEN_PREFIX);
  }

  static boolean looksLikeSessionToken(String candidate) {
    return looksLike(candidate, SESSION_PREFIX);
  }

  // Checked on every authenticated call: a plain loop, no regular expression.
  private static boolean looksLike(String candidate, String prefix) {
    if (candidate.length() != prefix.length() + 43 || !candidate.startsWith(prefix)) {
      return false;
    }
    for (int i = prefix.length(); i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      boolean allowed =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /** About 117 bits from an alphabet without look-alike characters. */
  static String newPassword() {
    StringBuilder password = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }

  // One digest per thread: a bearer token is hashed on every authenticated call, and looking the
  // algorithm up among the providers each time cost more than the hash.
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
          });

  static String sha256Hex(String value) {
    MessageDigest digest = SHA_256.get();
    // digest() resets it for the next use, also when a previous use failed half-way.
    digest.reset();
    return HEX.formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  private static final HexFormat HEX = HexFormat.of();
}
