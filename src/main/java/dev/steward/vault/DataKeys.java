package dev.steward.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadWrapper;
import com.google.crypto.tink.aead.AesGcmKeyManager;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Making, wrapping and unwrapping data keys. A wrapped key's associated data names its owner and
 * scope, so a wrapped key copied onto another subject's row does not unwrap.
 */
final class DataKeys {
  // AES-GCM and the AEAD wrapper are all a data key needs; AeadConfig would register every AEAD.
  static {
    try {
      AesGcmKeyManager.register(true);
      AeadWrapper.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private DataKeys() {}

  static KeysetHandle generate() {
    try {
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    } catch (GeneralSecurityException e) {
      throw new VaultCryptoException("could not generate a data key", e);
    }
  }

  static byte[] wrap(KeysetHandle key, Aead master, UUID owner, String scope) {
    try {
      return TinkProtoKeysetFormat.serializeEncryptedKeyset(key, master, context(owner, scope));
    } catch (GeneralSecurityException e) {
      throw new VaultCryptoException("could not wrap the " + scope + " key of " + owner, e);
    }
  }

  static KeysetHandle unwrap(byte[] wrapped, Aead master, UUID owner, String scope) {
    try {
      return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master, context(owner, scope));
    } catch (GeneralSecurityException e) {
      throw new VaultCryptoException(
          "could not unwrap the " + scope + " key of " + owner + " with its master key", e);
    }
  }

  static Aead primitive(KeysetHandle key) {
    try {
      return key.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new VaultCryptoException("a data key is not an AEAD keyset", e);
    }
  }

  private static byte[] context(UUID owner, String scope) {
    return ("steward-data-key:v1:" + owner + ":" + scope).getBytes(StandardCharsets.UTF_8);
  }
}
