package dev.steward.mail;

/**
 * Encrypts the content of a letter while it waits in the outbox, so the store never holds a
 * recipient address or a letter in clear. {@code context} is authenticated but not encrypted: the
 * outbox passes the letter's id, so a sealed content moved to another row does not open.
 * Implementations are thread-safe.
 */
public interface MailSealer {

  byte[] seal(byte[] plaintext, byte[] context);

  /**
   * Returns the plaintext, or throws {@link SealingException} when the sealed bytes were altered,
   * belong to another context, or were sealed with a key this sealer no longer has.
   */
  byte[] open(byte[] sealed, byte[] context);
}
