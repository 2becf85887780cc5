package dev.steward.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A letter as stored in {@code mail_outbox.sealed_content}: the whole {@link OutgoingMail} as JSON,
 * sealed with the letter's id as context so it opens only in its own row.
 */
final class SealedContent {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SealedContent() {}

  static byte[] seal(MailSealer sealer, UUID id, OutgoingMail mail) {
    try {
      return sealer.seal(JSON.writeValueAsBytes(mail), context(id));
    } catch (IOException e) {
      throw new SealingException("could not write a letter for sealing", e);
    }
  }

  static OutgoingMail open(MailSealer sealer, UUID id, byte[] sealed) {
    byte[] json = sealer.open(sealed, context(id));
    try {
      return JSON.readValue(json, OutgoingMail.class);
    } catch (IOException e) {
      throw new SealingException("a letter's opened content is not readable", e);
    }
  }

  private static byte[] context(UUID id) {
    return ("mail_outbox:" + id).getBytes(StandardCharsets.UTF_8);
  }
}
