package dev.steward.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.KeysetHandle;
import dev.steward.error.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Hands the master key over to a new one. Beside {@code master.json} the keys directory may hold
 * {@code master.next.json} (the key a rotation re-wraps to; {@code STEWARD_KEY_MASTER_NEXT}) and
 * {@code master.previous.json} (the key it replaced; {@code STEWARD_KEY_MASTER_PREVIOUS}). Nodes
 * load both for unwrapping only, so data keys re-wrapped by a rotation, or wrapped by a node still
 * on the old key, stay readable everywhere.
 *
 * <p>{@link #promote} makes the next key the master: it records the new fingerprint in the store,
 * then renames {@code master.json} to {@code master.previous.json} and {@code master.next.json} to
 * {@code master.json}. Each step can be repeated, so a promotion cut short is finished by calling
 * it again. Keys from the environment are not renamed: the operator swaps the variables.
 */
public final class MasterKeyHandover {
  private static final String NEXT = "next";
  private static final String PREVIOUS = "previous";

  private final KeyFiles files;

  public MasterKeyHandover(Path keysDir, Map<String, String> env) {
    this.files = new KeyFiles(keysDir, env);
  }

  /** A master key and its fingerprint, which is also its id in the keyring. */
  public record MasterKey(String fingerprint, Aead aead) {
    @Override
    public String toString() {
      return "MasterKey[" + fingerprint + "]";
    }
  }

  public Optional<MasterKey> next() {
    return files.read(KeyName.MASTER, NEXT).map(found -> key(found.keyset()));
  }

  /** The next master key, generated into the keys directory if there is none yet. */
  public MasterKey prepareNext() {
    return next()
        .orElseGet(
            () -> {
              try {
                KeysetHandle keyset = KeysetHandle.generateNew(KeyName.MASTER.parameters());
                return key(files.write(KeyName.MASTER, NEXT, keyset).keyset());
              } catch (GeneralSecurityException e) {
                throw new ConfigurationException("cannot generate the next master key", e);
              }
            });
  }

  /** The next and previous master keys by fingerprint, for unwrapping only. */
  public Map<String, Aead> unwrapOnly() {
    Map<String, Aead> keys = new LinkedHashMap<>();
    next().ifPresent(key -> keys.put(key.fingerprint(), key.aead()));
    files
        .read(KeyName.MASTER, PREVIOUS)
        .map(found -> key(found.keyset()))
        .ifPresent(key -> keys.put(key.fingerprint(), key.aead()));
    return keys;
  }

  /** True when the store already names the next key as master: a promotion was cut short. */
  public boolean promotionUnfinished(Jdbi store) {
    Optional<String> recorded = new KeyFingerprints(store).find(KeyName.MASTER);
    return next().map(key -> recorded.equals(Optional.of(key.fingerprint()))).orElse(false);
  }

  /**
   * Makes the next key the master. Call only once every data key is wrapped under it.
   *
   * @return true when the key files were renamed; false when the keys come from the environment
   */
  public boolean promote(Jdbi store, Clock clock) {
    MasterKey next =
        next().orElseThrow(() -> new ConfigurationException("there is no next master key"));
    store.useHandle(
        handle ->
            handle.execute(
                "update key_fingerprint set fingerprint = ?, recorded_at = ? where name = ?",
                next.fingerprint(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                KeyName.MASTER.id()));
    if (files.fromEnvironment(KeyName.MASTER)) {
      return false;
    }
    Path master = files.file(KeyName.MASTER, "");
    try {
      if (Files.exists(master)
          && !files
              .read(KeyName.MASTER)
              .map(found -> key(found.keyset()).fingerprint())
              .orElseThrow()
              .equals(next.fingerprint())) {
        Files.move(
            master,
            files.file(KeyName.MASTER, PREVIOUS),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(files.file(KeyName.MASTER, NEXT), master, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ConfigurationException(
          "cannot rename the master key files; run the rotation again to finish: " + e, e);
    }
    return true;
  }

  private static MasterKey key(KeysetHandle keyset) {
    try {
      return new MasterKey(
          Keys.fingerprint(KeyName.MASTER, keyset),
          keyset.getPrimitive(ConfigurationV0.get(), Aead.class));
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException("a master key cannot be used as AEAD", e);
    }
  }
}
