package dev.steward.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach the SMTP server, frozen at start-up. Invalid values are refused with a message that
 * names the field, as {@link dev.steward.store.StoreSettings} does.
 *
 * @param host SMTP server name or address
 * @param port SMTP port, 1–65535 (25 or 587 with STARTTLS, 465 with SSL)
 * @param security how the connection is protected
 * @param username account to authenticate with, or null to send without authentication
 * @param password that account's password; required exactly when {@code username} is given
 * @param from the sender address of every letter, e.g. {@code Privacy Team <privacy@example.com>}
 * @param messageIdDomain the right-hand side of generated Message-IDs, e.g. {@code example.com}
 * @param connectTimeout how long to wait for the server to accept the connection
 * @param readTimeout how long to wait for each reply or write once connected
 */
public record MailSettings(
    String host,
    int port,
    Security security,
    String username,
    String password,
    String from,
    String messageIdDomain,
    Duration connectTimeout,
    Duration readTimeout) {

  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  /**
   * Transport protection: none (tests, a local relay), upgraded with STARTTLS, or TLS from the
   * start.
   */
  public enum Security {
    NONE,
    STARTTLS,
    SSL
  }

  public MailSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("mail host cannot be empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("mail port must be between 1 and 65535, was " + port);
    }
    Objects.requireNonNull(security, "mail security cannot be null");
    if (username != null && username.isBlank()) {
      username = null;
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException(
          "mail username and mail password must be given together or not at all");
    }
    try {
      new InternetAddress(Objects.requireNonNull(from, "mail from cannot be null"), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("mail from is not a valid address: " + from);
    }
    if (messageIdDomain == null || !DOMAIN.matcher(messageIdDomain).matches()) {
      throw new IllegalArgumentException(
          "mail messageIdDomain must be a domain name such as example.com, was " + messageIdDomain);
    }
    requirePositive("mail connectTimeout", connectTimeout);
    requirePositive("mail readTimeout", readTimeout);
  }

  /** Plain SMTP without authentication, 10 s timeouts: a local relay or a test server. */
  public static MailSettings plain(String host, int port, String from, String messageIdDomain) {
    return new MailSettings(
        host,
        port,
        Security.NONE,
        null,
        null,
        from,
        messageIdDomain,
        Duration.ofSeconds(10),
        Duration.ofSeconds(10));
  }

  public boolean authenticates() {
    return username != null;
  }

  /** Never shows the password, so the settings can be logged or printed. */
  @Override
  public String toString() {
    return "MailSettings[host=%s, port=%d, security=%s, username=%s, password=%s, from=%s, messageIdDomain=%s, connectTimeout=%s, readTimeout=%s]"
        .formatted(
            host,
            port,
            security,
            username,
            password == null ? null : "***",
            from,
            messageIdDomain,
            connectTimeout,
            readTimeout);
  }

  private static void requirePositive(String field, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(field + " must be a positive duration, was " + value);
    }
  }
}
