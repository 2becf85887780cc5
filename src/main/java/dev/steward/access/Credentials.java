package dev.steward.access;

import java.util.Locale;
import java.util.regex.Pattern;

/** Rules for user names and passwords, shared by the services that take them. */
final class Credentials {
  static final int MIN_PASSWORD = 12;
  static final int MAX_PASSWORD = 256;
  private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

  private Credentials() {}

  /** User names compare without case: {@code Admin} and {@code admin} are one account. */
  static String normalize(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  static boolean isValidUsername(String normalized) {
    return USERNAME.matcher(normalized).matches();
  }

  static boolean isAcceptablePassword(String password) {
    return password != null
        && password.length() >= MIN_PASSWORD
        && password.length() <= MAX_PASSWORD
        && !password.isBlank();
  }

  /** The throttle key: never the name itself, so the throttle table holds no user names. */
  static String throttleKey(String username) {
    return Secrets.sha256Hex(normalize(username));
  }
}
