package dev.steward.mail;

import dev.steward.error.StewardException;

/**
 * The SMTP server did not accept a letter. The message says why in words safe to store and log: it
 * never carries an address or the server's own reply text, which may quote one. {@code permanent}
 * is true when the server refused the letter for good (a 5xx reply), so retrying cannot help.
 */
public class MailDeliveryException extends StewardException {
  private final boolean permanent;

  public MailDeliveryException(String message, boolean permanent) {
    super("mail-delivery", 503, message);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}
