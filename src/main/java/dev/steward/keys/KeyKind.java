package dev.steward.keys;

import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmKeyManager;
import com.google.crypto.tink.mac.HmacKeyManager;
import com.google.crypto.tink.signature.Ed25519PrivateKeyManager;
import dev.steward.error.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a key is for, and how its fingerprint is taken. A fingerprint identifies a key without
 * revealing it: the SHA-256 of the public keyset for signature keys, a tag over a fixed label for
 * secret keys. Fingerprints are 64 lower-case hex digits.
 */
public enum KeyKind {
  /** A signature key pair; the fingerprint is the SHA-256 of the serialized public keyset. */
  SIGNATURE {
    @Override
    String fingerprint(KeysetHandle keyset) throws GeneralSecurityException {
      byte[] publicKeyset =
          TinkProtoKeysetFormat.serializeKeysetWithoutSecret(keyset.getPublicKeysetHandle());
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(publicKeyset));
    }
  },
  /** A MAC key; the fingerprint is the SHA-256 of its tag over {@link #LABEL}. */
  MAC {
    @Override
    String fingerprint(KeysetHandle keyset) throws GeneralSecurityException {
      byte[] tag = keyset.getPrimitive(ConfigurationV0.get(), Mac.class).computeMac(LABEL);
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(tag));
    }
  },
  /**
   * An AES-GCM keyset; AEAD tags are randomised, so the fingerprint is HMAC-SHA256 over {@link
   * #LABEL} keyed with the primary key's bytes, which never leave this method.
   */
  AEAD {
    @Override
    String fingerprint(KeysetHandle keyset) throws GeneralSecurityException {
      if (!(keyset.getPrimary().getKey() instanceof AesGcmKey key)) {
        throw new ConfigurationException("an AEAD key must be an AES-GCM keyset");
      }
      byte[] secret = key.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
      javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HEX.formatHex(hmac.doFinal(LABEL));
    }
  };

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] LABEL = "steward key fingerprint v1".getBytes(StandardCharsets.UTF_8);

  // Only the key types of KeyName: the full SignatureConfig/MacConfig/AeadConfig register a dozen
  // more (ECDSA, RSA, AES-CMAC, ChaCha20, KMS...), loading hundreds of classes at start-up.
  static {
    try {
      Ed25519PrivateKeyManager.registerPair(true);
      HmacKeyManager.register(true);
      AesGcmKeyManager.register(true);
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  abstract String fingerprint(KeysetHandle keyset) throws GeneralSecurityException;
}
