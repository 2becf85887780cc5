package dev.steward.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/**
 * Hands one letter to the SMTP server over a fresh connection. The Message-ID is the one fixed at
 * enqueue time, so every copy of a letter carries the same one. Thread-safe: the session is
 * immutable and each call opens its own transport.
 */
final class SmtpSender {
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  /**
   * Headers a DKIM signature covers beyond the library's defaults (From, To, Subject, Date,
   * Message-ID, MIME and content headers ...): RFC 8058 §4 asks that both unsubscribe headers be
   * signed, or a forwarder could add a one-click link of its own.
   */
  private static final List<String> SIGNED_TOO =
      List.of("List-Unsubscribe", "List-Unsubscribe-Post");

  private final MailSettings settings;
  private final Session session;
  private final Clock clock;
  private final Optional<DkimKey> dkim;

  SmtpSender(MailSettings settings, Clock clock) {
    this(settings, Optional.empty(), clock);
  }

  SmtpSender(MailSettings settings, Optional<DkimKey> dkim, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.session = Session.getInstance(properties(settings));
    // Checked now, so a key that cannot sign for the sender stops the start, not a letter.
    dkim.ifPresent(key -> signer(key, settings));
    this.dkim = dkim;
  }

  /**
   * RSA-SHA256, relaxed/relaxed (RFC 6376 §3.4), signing domain that of the sender address. One per
   * letter: a signer keeps its digest and signature state in fields, so letters sent at once from
   * several threads through one signer get each other's body hashes.
   */
  private static DkimSigner signer(DkimKey key, MailSettings settings) {
    try {
      String from = new InternetAddress(settings.from(), true).getAddress();
      DkimSigner signer =
          new DkimSigner(from.substring(from.lastIndexOf('@') + 1), key.selector(), key.key());
      signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
      signer.setHeaderCanonicalization(Canonicalization.RELAXED);
      signer.setBodyCanonicalization(Canonicalization.RELAXED);
      signer.setLengthParam(false);
      signer.setCopyHeaderFields(false);
      signer.setCheckDomainKey(false);
      SIGNED_TOO.forEach(signer::addHeaderToSign);
      return signer;
    } catch (MessagingException | DkimException e) {
      throw new IllegalArgumentException("the DKIM key cannot sign for " + settings.from(), e);
    }
  }

  /** True when letters leave DKIM-signed. */
  boolean signs() {
    return dkim.isPresent();
  }

  /** Returns once the server has accepted the letter for every recipient. */
  void send(String messageId, OutgoingMail mail) {
    try {
      MimeMessage message = build(messageId, mail);
      if (dkim.isPresent()) {
        message = new DkimMessage(message, signer(dkim.get(), settings));
      }
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect(
            settings.host(), settings.port(), settings.username(), settings.password());
        transport.sendMessage(message, message.getAllRecipients());
      }
    } catch (MessagingException e) {
      throw SmtpFailures.describe(e);
    }
  }

  MimeMessage build(String messageId, OutgoingMail mail) throws MessagingException {
    MimeMessage message = new FixedIdMessage(session, messageId);
    message.setFrom(new InternetAddress(settings.from(), true));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
    message.setSubject(mail.subject(), UTF_8);
    message.setSentDate(Date.from(clock.instant()));
    for (Map.Entry<String, String> header : mail.headers().entrySet()) {
      message.addHeader(header.getKey(), encode(header.getKey(), header.getValue()));
    }
    if (mail.htmlBody() == null && mail.attachments().isEmpty()) {
      message.setText(mail.textBody(), UTF_8);
    } else {
      message.setContent(body(mail));
    }
    message.saveChanges();
    return message;
  }

  /** multipart/alternative for text with HTML, inside multipart/mixed when files come along. */
  private static MimeMultipart body(OutgoingMail mail) throws MessagingException {
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.textBody(), UTF_8);
    MimeBodyPart readable = text;
    if (mail.htmlBody() != null) {
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.htmlBody(), UTF_8, "html");
      MimeMultipart alternative = new MimeMultipart("alternative", text, html);
      if (mail.attachments().isEmpty()) {
        return alternative;
      }
      readable = new MimeBodyPart();
      readable.setContent(alternative);
    }
    MimeMultipart mixed = new MimeMultipart("mixed", readable);
    for (OutgoingMail.Attachment attachment : mail.attachments()) {
      MimeBodyPart file = new MimeBodyPart();
      file.setDataHandler(
          new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
      file.setFileName(attachment.filename());
      file.setDisposition(MimeBodyPart.ATTACHMENT);
      mixed.addBodyPart(file);
    }
    return mixed;
  }

  private static String encode(String name, String value) {
    try {
      return MimeUtility.fold(name.length() + 2, MimeUtility.encodeText(value, UTF_8, null));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }

  private static Properties properties(MailSettings settings) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", settings.host());
    properties.put("mail.smtp.port", Integer.toString(settings.port()));
    properties.put("mail.smtp.connectiontimeout", millis(settings.connectTimeout()));
    properties.put("mail.smtp.timeout", millis(settings.readTimeout()));
    properties.put("mail.smtp.writetimeout", millis(settings.readTimeout()));
    properties.put("mail.smtp.auth", Boolean.toString(settings.authenticates()));
    switch (settings.security()) {
      case STARTTLS -> {
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case SSL -> {
        properties.put("mail.smtp.ssl.enable", "true");
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case NONE -> {}
    }
    return properties;
  }

  private static String millis(java.time.Duration duration) {
    return Long.toString(duration.toMillis());
  }

  /** Keeps the Message-ID fixed at enqueue time instead of minting a new one on each save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
