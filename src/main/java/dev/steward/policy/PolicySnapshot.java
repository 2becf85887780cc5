package dev.steward.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The exact text of a policy file and every file it includes, as published. Stored with each
 * version so an older version reads back exactly as it was, whatever happened to the files since.
 *
 * @param mainFile the name of the main file, as given when it was read
 * @param files every file read, by the name the main file (or an include) gave it
 */
public record PolicySnapshot(String mainFile, Map<String, String> files) {
  public PolicySnapshot {
    Objects.requireNonNull(mainFile, "mainFile");
    files = Map.copyOf(files);
    if (!files.containsKey(mainFile)) {
      throw new IllegalArgumentException("the snapshot lacks its main file " + mainFile);
    }
  }

  /** A policy that is one text, such as the bundled policy. */
  public static PolicySnapshot ofText(String name, String text) {
    return new PolicySnapshot(name, Map.of(name, text));
  }

  /**
   * SHA-256 over the texts in name order, each name and text length-prefixed, so the hash changes
   * with any byte of any file but not with the order files were read in. The main file's name is
   * left out: the same content published from another directory is the same policy.
   */
  public String contentHash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      Map<String, String> sorted = new TreeMap<>(files);
      sorted.remove(mainFile);
      update(digest, files.get(mainFile));
      sorted.forEach(
          (name, text) -> {
            update(digest, name);
            update(digest, text);
          });
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static void update(MessageDigest digest, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    digest.update(java.nio.ByteBuffer.allocate(8).putLong(bytes.length).array());
    digest.update(bytes);
  }
}
