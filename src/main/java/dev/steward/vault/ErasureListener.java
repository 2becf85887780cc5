package dev.steward.vault;

import dev.steward.principal.Principal;

/**
 * Told when the vault erases a person, so that a feature holding copies of their data outside the
 * vault (access packages, uploaded documents, sealed request details) erases those too: GDPR Art.
 * 17(1) asks for the data to be erased, not only the vault's records of it.
 *
 * <p>Called after the subject's key is destroyed and before the erasure is marked complete, and
 * again whenever {@link Vault#erase} is called for an erased subject: a rerun after a crash, or
 * after a keyring was restored from a backup older than the erasure. So it must be idempotent. A
 * failure leaves the erasure incomplete, to be run again. Called on the erasing thread; the
 * implementation must be thread-safe.
 */
@FunctionalInterface
public interface ErasureListener {
  ErasureListener NONE = (actor, erased) -> {};

  void erased(Principal actor, ErasedSubject erased);
}
