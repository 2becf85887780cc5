package dev.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

/** Sealed letters open only in their own row; SMTP failures are told without the address. */
class SealingTest {
  private final MailSealer sealer = MailTestbed.newSealer();

  @Test
  void sealedContent_openedForItsOwnId_isTheLetterWithAttachments() {
    UUID id = UUID.randomUUID();
    OutgoingMail mail =
        OutgoingMail.text("letter.access", "huang.li@example.org", "您的数据副本", "见附件。")
            .withHtml("<p>见附件。</p>")
            .withHeader("List-Unsubscribe", "<mailto:u@example.org>")
            .withAttachment(
                new OutgoingMail.Attachment("data.json", "application/json", new byte[] {1, 2, 3}))
            .relatedTo("request", "R-9");

    byte[] sealed = SealedContent.seal(sealer, id, mail);
    OutgoingMail opened = SealedContent.open(sealer, id, sealed);

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("huang.li");
    assertThat(opened.to()).isEqualTo("huang.li@example.org");
    assertThat(opened.subject()).isEqualTo("您的数据副本");
    assertThat(opened.htmlBody()).isEqualTo("<p>见附件。</p>");
    assertThat(opened.headers()).containsEntry("List-Unsubscribe", "<mailto:u@example.org>");
    assertThat(opened.attachments().get(0).content()).containsExactly(1, 2, 3);
    assertThat(opened.relatedId()).isEqualTo("R-9");
  }

  @Test
  void sealedContent_openedForAnotherId_isRefused() {
    byte[] sealed =
        SealedContent.seal(
            sealer, UUID.randomUUID(), OutgoingMail.text("letter.x", "a@example.org", "S", "B"));
    assertThatThrownBy(() -> SealedContent.open(sealer, UUID.randomUUID(), sealed))
        .isInstanceOf(SealingException.class)
        .hasMessage("could not open a letter's sealed content");
  }

  @Test
  void smtpFailure_recipientRefused_isPermanentAndNamesNoAddress() throws Exception {
    InternetAddress address = new InternetAddress("liu.yang@example.org");
    SMTPAddressFailedException refused =
        new SMTPAddressFailedException(
            address,
            "RCPT TO:<liu.yang@example.org>",
            550,
            "550 5.1.1 <liu.yang@example.org> unknown");
    MessagingException thrown =
        new SendFailedException(
            "Invalid Addresses", refused, null, null, new InternetAddress[] {address});

    MailDeliveryException described = SmtpFailures.describe(thrown);

    assertThat(described.getMessage())
        .isEqualTo("the SMTP server refused the recipient (reply 550)");
    assertThat(described.permanent()).isTrue();
  }

  @Test
  void smtpFailure_connectionRefused_isTransient() {
    MailDeliveryException described =
        SmtpFailures.describe(
            new MailConnectException(
                new SocketConnectException(
                    "refused", new ConnectException("refused"), "127.0.0.1", 25, 1000)));
    assertThat(described.getMessage()).isEqualTo("could not connect to the SMTP server");
    assertThat(described.permanent()).isFalse();
  }
}
