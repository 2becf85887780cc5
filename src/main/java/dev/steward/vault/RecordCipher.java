package dev.steward.vault;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Encrypts record values. The associated data binds each ciphertext to its record id and subject id
 * (and, for kept items, the exemption), so a value copied onto another row does not decrypt.
 */
final class RecordCipher {
  private RecordCipher() {}

  static byte[] encrypt(Aead key, UUID recordId, UUID subjectId, String value) {
    return seal(key, value, context(recordId, subjectId), recordId);
  }

  static String decrypt(Aead key, UUID recordId, UUID subjectId, byte[] ciphertext) {
    return open(key, ciphertext, context(recordId, subjectId), recordId);
  }

  static byte[] encryptKept(Aead key, UUID recordId, UUID subjectId, String ground, String value) {
    return seal(key, value, keptContext(recordId, subjectId, ground), recordId);
  }

  static String decryptKept(Aead key, UUID recordId, UUID subjectId, String ground, byte[] sealed) {
    return open(key, sealed, keptContext(recordId, subjectId, ground), recordId);
  }

  private static byte[] seal(Aead key, String value, byte[] context, UUID recordId) {
    try {
      return key.encrypt(value.getBytes(StandardCharsets.UTF_8), context);
    } catch (GeneralSecurityException e) {
      throw new VaultCryptoException("could not encrypt record " + recordId, e);
    }
  }

  private static String open(Aead key, byte[] ciphertext, byte[] context, UUID recordId) {
    try {
      return new String(key.decrypt(ciphertext, context), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new VaultCryptoException(
          "record " + recordId + " does not decrypt under its subject's key", e);
    }
  }

  private static byte[] context(UUID recordId, UUID subjectId) {
    return ("steward-record:v1:" + recordId + ":" + subjectId).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] keptContext(UUID recordId, UUID subjectId, String ground) {
    return ("steward-kept:v1:" + recordId + ":" + subjectId + ":" + ground)
        .getBytes(StandardCharsets.UTF_8);
  }
}
