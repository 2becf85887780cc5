package dev.steward.fulfilment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.google.crypto.tink.Aead;
import dev.steward.vault.Keyring;
import dev.steward.web.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Seals fulfilment's personal data under the request's own key in the keyring, bound to the request
 * and to what it is, so destroying the request key erases it everywhere.
 */
final class Sealing {
  private final Keyring keyring;

  Sealing(Keyring keyring) {
    this.keyring = keyring;
  }

  byte[] seal(UUID requestId, String what, byte[] plain) {
    try {
      return key(requestId).encrypt(plain, context(requestId, what));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal " + what + " of request " + requestId, e);
    }
  }

  byte[] open(UUID requestId, String what, byte[] sealed) {
    try {
      return key(requestId).decrypt(sealed, context(requestId, what));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open " + what + " of request " + requestId, e);
    }
  }

  byte[] sealJson(UUID requestId, String what, Object value) {
    try {
      return seal(requestId, what, Json.mapper().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + what, e);
    }
  }

  <T> T openJson(UUID requestId, String what, byte[] sealed, TypeReference<T> type) {
    try {
      return Json.mapper().readValue(open(requestId, what, sealed), type);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + what + " of request " + requestId, e);
    }
  }

  private Aead key(UUID requestId) {
    return keyring.requestKey(requestId);
  }

  private static byte[] context(UUID requestId, String what) {
    return ("fulfilment:" + what + ":" + requestId).getBytes(StandardCharsets.UTF_8);
  }
}
