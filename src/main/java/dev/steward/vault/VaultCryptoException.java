package dev.steward.vault;

import dev.steward.error.StewardException;

/**
 * A key could not encrypt or decrypt: a wrong master key, or a ciphertext that was altered or moved
 * to another row. Never the caller's fault; the message names ids only.
 */
public class VaultCryptoException extends StewardException {
  public VaultCryptoException(String message, Throwable cause) {
    super("crypto-failure", 500, message, cause);
  }
}
