package dev.steward.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Turns what Jakarta Mail threw into a {@link MailDeliveryException} whose words are our own. The
 * library's messages are never copied: the server's reply often quotes the recipient.
 */
final class SmtpFailures {
  private SmtpFailures() {}

  static MailDeliveryException describe(MessagingException failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      MailDeliveryException described = describeOne(cause);
      if (described != null) {
        return described;
      }
    }
    return new MailDeliveryException(
        "the SMTP exchange failed (" + failure.getClass().getSimpleName() + ")", false);
  }

  private static MailDeliveryException describeOne(Throwable cause) {
    if (cause instanceof SMTPAddressFailedException refused) {
      return refused("the recipient", refused.getReturnCode());
    }
    if (cause instanceof SMTPSenderFailedException refused) {
      return refused("the sender", refused.getReturnCode());
    }
    if (cause instanceof SMTPSendFailedException refused) {
      return refused("the letter", refused.getReturnCode());
    }
    if (cause instanceof AuthenticationFailedException) {
      return new MailDeliveryException("the SMTP server refused the credentials", false);
    }
    if (cause instanceof MailConnectException) {
      return new MailDeliveryException("could not connect to the SMTP server", false);
    }
    if (cause instanceof SocketTimeoutException) {
      return new MailDeliveryException("the SMTP server did not answer in time", false);
    }
    if (cause instanceof SSLException) {
      return new MailDeliveryException("the TLS handshake with the SMTP server failed", false);
    }
    return null;
  }

  // RFC 5321 §4.2.1: 5yz replies are permanent, 4yz transient.
  private static MailDeliveryException refused(String what, int replyCode) {
    return new MailDeliveryException(
        "the SMTP server refused " + what + " (reply " + replyCode + ")", replyCode >= 500);
  }

  private static Throwable next(Throwable cause) {
    if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
      return messaging.getNextException() == cause ? null : messaging.getNextException();
    }
    return cause.getCause() == cause ? null : cause.getCause();
  }
}
