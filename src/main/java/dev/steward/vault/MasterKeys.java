package dev.steward.vault;

import com.google.crypto.tink.Aead;
import dev.steward.error.ConfigurationException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The master keys a keyring knows by id: the current one wraps new data keys; retired ones still
 * unwrap keys that a rotation has not reached yet. Thread-safe.
 */
final class MasterKeys {
  private final Map<String, Aead> byId = new ConcurrentHashMap<>();
  private volatile Master current;

  MasterKeys(String currentId, Aead current, Map<String, Aead> retired) {
    byId.putAll(retired);
    use(currentId, current);
  }

  /** Makes {@code aead} the key that wraps from now on, keeping the others for unwrapping. */
  void use(String id, Aead aead) {
    if (id == null || id.isBlank() || id.length() > 64) {
      throw new ConfigurationException("master key id must be 1 to 64 characters");
    }
    byId.put(id, Objects.requireNonNull(aead, "master key"));
    current = new Master(id, aead);
  }

  /** The wrapping key and its id, read together so a concurrent rotation cannot split them. */
  Master current() {
    return current;
  }

  Aead get(String id) {
    Aead aead = byId.get(id);
    if (aead == null) {
      throw new ConfigurationException(
          "a data key is wrapped under master key '"
              + id
              + "', which this node does not hold; finish the key rotation or add that key");
    }
    return aead;
  }

  record Master(String id, Aead aead) {}
}
