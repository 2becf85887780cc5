package dev.steward.logscan;

import java.util.Locale;

/** The kinds of identity a log line can name a person by. */
public enum IdentityType {
  /** An IPv4 or IPv6 address, compared exactly (a pseudonymised address no longer matches). */
  IP,
  /** An email address, compared without regard to ASCII case. */
  EMAIL,
  /** A cookie or session id, compared exactly. */
  COOKIE,
  /** The company's account or user id, compared exactly. */
  ACCOUNT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code id} ({@code ip}, {@code email}, {@code cookie}, {@code account}). */
  public static IdentityType of(String id) {
    for (IdentityType type : values()) {
      if (type.id().equals(id)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown identity type " + id);
  }

  boolean ignoresCase() {
    return this == EMAIL;
  }
}
