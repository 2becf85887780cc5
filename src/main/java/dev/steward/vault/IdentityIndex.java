package dev.steward.vault;

import com.google.crypto.tink.Mac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The keyed hash by which identities are stored and found: HMAC-SHA256 under the identity-index key
 * of {@code type:normalised value}, in hex. Without the index key the hashes cannot be reversed or
 * recomputed from a guessed value. Thread-safe.
 */
public final class IdentityIndex {
  private final Mac indexKey;
  private final IdentityNormalizer normalizer;

  public IdentityIndex(Mac indexKey, IdentityNormalizer normalizer) {
    this.indexKey = Objects.requireNonNull(indexKey, "indexKey");
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
  }

  /** Normalises then hashes; throws {@link InvalidIdentityException} for a malformed value. */
  public String hash(Identity identity) {
    return hashNormalized(identity.type(), normalizer.normalize(identity));
  }

  /** Hashes a value already in normal form, e.g. one found by discovery in a log file. */
  public String hashNormalized(IdentityType type, String normalized) {
    byte[] input = (type.id() + ":" + normalized).getBytes(StandardCharsets.UTF_8);
    try {
      return HexFormat.of().formatHex(indexKey.computeMac(input));
    } catch (GeneralSecurityException e) {
      throw new VaultCryptoException("the identity-index key could not compute a hash", e);
    }
  }

  public IdentityNormalizer normalizer() {
    return normalizer;
  }
}
