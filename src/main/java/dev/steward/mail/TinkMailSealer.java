package dev.steward.mail;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * A {@link MailSealer} on a Tink {@link Aead} primitive (AES-256-GCM in practice), with the context
 * as associated data. Thread-safe, as Tink primitives are.
 */
public final class TinkMailSealer implements MailSealer {
  private final Aead aead;

  public TinkMailSealer(Aead aead) {
    this.aead = Objects.requireNonNull(aead, "aead");
  }

  @Override
  public byte[] seal(byte[] plaintext, byte[] context) {
    try {
      return aead.encrypt(plaintext, context);
    } catch (GeneralSecurityException e) {
      throw new SealingException("could not seal a letter's content", e);
    }
  }

  @Override
  public byte[] open(byte[] sealed, byte[] context) {
    try {
      return aead.decrypt(sealed, context);
    } catch (GeneralSecurityException e) {
      throw new SealingException("could not open a letter's sealed content", e);
    }
  }
}
