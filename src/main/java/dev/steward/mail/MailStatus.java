package dev.steward.mail;

import java.util.Locale;

/** Where a letter stands: waiting for (another) attempt, accepted by the server, or given up. */
public enum MailStatus {
  PENDING,
  SENT,
  FAILED;

  String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  static MailStatus fromColumn(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
