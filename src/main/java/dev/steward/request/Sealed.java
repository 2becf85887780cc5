package dev.steward.request;

import com.google.crypto.tink.Aead;
import dev.steward.vault.VaultCryptoException;
import dev.steward.web.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Sealing under a request's key. The associated data names the request and what is sealed, so a
 * ciphertext copied onto another request or field does not open.
 */
final class Sealed {
  private Sealed() {}

  static byte[] seal(Aead key, UUID requestId, String what, byte[] plain) {
    try {
      return key.encrypt(plain, context(requestId, what));
    } catch (GeneralSecurityException e) {
      throw new VaultCryptoException("could not seal the " + what + " of request " + requestId, e);
    }
  }

  static byte[] open(Aead key, UUID requestId, String what, byte[] sealed) {
    try {
      return key.decrypt(sealed, context(requestId, what));
    } catch (GeneralSecurityException e) {
      throw new VaultCryptoException("could not open the " + what + " of request " + requestId, e);
    }
  }

  static byte[] sealText(Aead key, UUID requestId, String what, String text) {
    return text == null ? null : seal(key, requestId, what, text.getBytes(StandardCharsets.UTF_8));
  }

  static String openText(Aead key, UUID requestId, String what, byte[] sealed) {
    return sealed == null
        ? null
        : new String(open(key, requestId, what, sealed), StandardCharsets.UTF_8);
  }

  static byte[] sealContact(Aead key, UUID requestId, Contact contact) {
    try {
      return seal(key, requestId, "contact", Json.mapper().writeValueAsBytes(contact));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Contact openContact(Aead key, UUID requestId, byte[] sealed) {
    try {
      return Json.mapper().readValue(open(key, requestId, "contact", sealed), Contact.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] context(UUID requestId, String what) {
    return ("steward-request:v1:" + requestId + ":" + what).getBytes(StandardCharsets.UTF_8);
  }
}
