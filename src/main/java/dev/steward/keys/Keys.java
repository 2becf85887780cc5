package dev.steward.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import dev.steward.error.ConfigurationException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The shared keys of this node, checked against the store at start-up. Each {@link KeyName} comes
 * from the environment variable {@code STEWARD_KEY_<ID>} (a Tink JSON keyset, raw or base64) or
 * from {@code <keys-dir>/<id>.json}. On the first start of a store a missing key is generated into
 * the keys directory and its fingerprint recorded; after that a node whose key is missing or
 * different refuses to start with a {@link KeyMismatchException}.
 *
 * <p>Immutable and thread-safe once loaded. Key material is never logged: {@link #toString()} shows
 * fingerprints only.
 */
public final class Keys {
  private final Map<KeyName, KeysetHandle> keysets;
  private final Map<KeyName, String> fingerprints;
  private final Map<String, Aead> unwrapOnlyMasters;

  private Keys(
      Map<KeyName, KeysetHandle> keysets,
      Map<KeyName, String> fingerprints,
      Map<String, Aead> unwrapOnlyMasters) {
    this.keysets = keysets;
    this.fingerprints = fingerprints;
    this.unwrapOnlyMasters = Map.copyOf(unwrapOnlyMasters);
  }

  /**
   * Loads every key, generating the missing ones on a store that records none, and checks them
   * against the fingerprints the store recorded.
   */
  public static Keys load(Path keysDir, Map<String, String> env, Jdbi jdbi, Clock clock) {
    KeyFiles files = new KeyFiles(keysDir, env);
    KeyFingerprints recorded = new KeyFingerprints(jdbi);
    Map<KeyName, KeysetHandle> keysets = new EnumMap<>(KeyName.class);
    Map<KeyName, String> fingerprints = new EnumMap<>(KeyName.class);
    for (KeyName name : KeyName.values()) {
      Optional<String> expected = recorded.find(name);
      KeyFiles.Found found =
          files
              .read(name)
              .orElseGet(
                  () -> {
                    if (expected.isPresent()) {
                      throw KeyMismatchException.missing(
                          name, files.describe(name), expected.get());
                    }
                    return files.write(name, generate(name));
                  });
      String actual = fingerprint(name, found.keyset());
      String kept =
          expected.orElseGet(() -> recorded.recordIfAbsent(name, actual, clock.instant()));
      if (!kept.equals(actual)) {
        throw KeyMismatchException.differs(name, found.where(), actual, kept);
      }
      keysets.put(name, found.keyset());
      fingerprints.put(name, actual);
    }
    Map<String, Aead> unwrapOnly = new MasterKeyHandover(keysDir, env).unwrapOnly();
    unwrapOnly.remove(fingerprints.get(KeyName.MASTER));
    return new Keys(keysets, fingerprints, unwrapOnly);
  }

  public PublicKeySign signer(KeyName name) {
    return primitive(name, KeyKind.SIGNATURE, keysets.get(name), PublicKeySign.class);
  }

  public PublicKeyVerify verifier(KeyName name) {
    try {
      KeysetHandle publicKeyset = keysets.get(name).getPublicKeysetHandle();
      return primitive(name, KeyKind.SIGNATURE, publicKeyset, PublicKeyVerify.class);
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException("key " + name.id() + " has no public key", e);
    }
  }

  public Mac mac(KeyName name) {
    return primitive(name, KeyKind.MAC, keysets.get(name), Mac.class);
  }

  public Aead aead(KeyName name) {
    return primitive(name, KeyKind.AEAD, keysets.get(name), Aead.class);
  }

  /**
   * Master keys held for unwrapping only, by fingerprint: the next one of a rotation under way and
   * the previous one, so every node reads data keys whichever of them wraps them.
   */
  public Map<String, Aead> unwrapOnlyMasters() {
    return unwrapOnlyMasters;
  }

  /** The fingerprint recorded for this key: 64 hex digits, safe to show and export. */
  public String fingerprint(KeyName name) {
    return fingerprints.get(name);
  }

  @Override
  public String toString() {
    return "Keys" + fingerprints;
  }

  static String fingerprint(KeyName name, KeysetHandle keyset) {
    try {
      return name.kind().fingerprint(keyset);
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException("cannot take the fingerprint of key " + name.id(), e);
    }
  }

  private static KeysetHandle generate(KeyName name) {
    try {
      return KeysetHandle.generateNew(name.parameters());
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException("cannot generate key " + name.id(), e);
    }
  }

  private static <P> P primitive(KeyName name, KeyKind kind, KeysetHandle keyset, Class<P> type) {
    if (name.kind() != kind) {
      throw new IllegalArgumentException("key " + name.id() + " is a " + name.kind() + " key");
    }
    try {
      return keyset.getPrimitive(ConfigurationV0.get(), type);
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException("key " + name.id() + " cannot be used as " + type, e);
    }
  }
}
