package dev.steward.vault;

import dev.steward.error.StewardException;
import java.util.UUID;

/**
 * The data key for a subject (or one of its exemptions) is not in the keyring: it was destroyed by
 * an erasure, a merge or an expired exemption, so what it protected is gone for good.
 */
public class KeyDestroyedException extends StewardException {
  private final UUID ownerId;
  private final String scope;

  public KeyDestroyedException(UUID ownerId, String scope) {
    super("key-destroyed", 410, "no " + scope + " key for subject " + ownerId + " in the keyring");
    this.ownerId = ownerId;
    this.scope = scope;
  }

  public UUID ownerId() {
    return ownerId;
  }

  public String scope() {
    return scope;
  }
}
