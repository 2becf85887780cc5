package dev.steward.keys;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import dev.steward.error.ConfigurationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where keysets live: an environment variable per key, else a file in the keys directory. The
 * directory must be owner-only (0700) and each file too (0600); anything wider is refused rather
 * than repaired, because another account may already have read it. Key material never appears in a
 * message.
 */
final class KeyFiles {
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private final Path directory;
  private final Map<String, String> env;
  private final boolean posix;

  KeyFiles(Path directory, Map<String, String> env) {
    this.directory = directory.toAbsolutePath();
    this.env = env;
    this.posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** A keyset read from the environment or the keys directory, and where it came from. */
  record Found(KeysetHandle keyset, String where) {}

  Optional<Found> read(KeyName name) {
    return read(name, "");
  }

  /**
   * Reads a variant of a key: {@code variant} "" is the key itself, "next" is {@code
   * <id>.next.json} or {@code STEWARD_KEY_<ID>_NEXT}, and so on.
   */
  Optional<Found> read(KeyName name, String variant) {
    String variable = variable(name, variant);
    String value = env.get(variable);
    if (value != null && !value.isBlank()) {
      String where = "environment variable " + variable;
      return Optional.of(new Found(parse(name, decode(name, value.strip()), where), where));
    }
    Path file = file(name, variant);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    requireOwnerOnly(directory, "keys directory", "700");
    requireOwnerOnly(file, "key file", "600");
    try {
      String json = Files.readString(file);
      return Optional.of(new Found(parse(name, json, file.toString()), directory.toString()));
    } catch (IOException e) {
      throw new ConfigurationException("cannot read key file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes a newly generated keyset; returns the one on disk if another node wrote it first. */
  Found write(KeyName name, KeysetHandle keyset) {
    return write(name, "", keyset);
  }

  Found write(KeyName name, String variant, KeysetHandle keyset) {
    Path file = file(name, variant);
    try {
      if (posix) {
        Files.createDirectories(directory, attributes("rwx------"));
      } else {
        Files.createDirectories(directory);
      }
      requireOwnerOnly(directory, "keys directory", "700");
      String json =
          TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
      try (FileChannel channel = create(file)) {
        channel.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      return new Found(keyset, directory.toString());
    } catch (FileAlreadyExistsException e) {
      return read(name, variant).orElseThrow();
    } catch (IOException e) {
      throw new ConfigurationException("cannot write key file " + file + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException("cannot serialize key " + name.id(), e);
    }
  }

  /** The file of a key's variant in the keys directory. */
  Path file(KeyName name, String variant) {
    return directory.resolve(
        variant.isEmpty() ? name.fileName() : name.id() + "." + variant + ".json");
  }

  /** True when the key itself comes from the environment rather than the keys directory. */
  boolean fromEnvironment(KeyName name) {
    String value = env.get(name.environmentVariable());
    return value != null && !value.isBlank();
  }

  private static String variable(KeyName name, String variant) {
    return variant.isEmpty()
        ? name.environmentVariable()
        : name.environmentVariable() + "_" + variant.toUpperCase(java.util.Locale.ROOT);
  }

  /** Where a missing key was looked for, for messages. */
  String describe(KeyName name) {
    return directory + " or " + describeEnv(name);
  }

  private FileChannel create(Path file) throws IOException {
    Set<StandardOpenOption> options =
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return posix
        ? FileChannel.open(file, options, attributes("rw-------"))
        : FileChannel.open(file, options);
  }

  private void requireOwnerOnly(Path path, String what, String mode) {
    if (!posix) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
        throw new ConfigurationException(
            what
                + " "
                + path
                + " is accessible by group or others ("
                + PosixFilePermissions.toString(permissions)
                + "); make it owner-only: chmod "
                + mode
                + " "
                + path);
      }
    } catch (IOException e) {
      throw new ConfigurationException("cannot read permissions of " + path + ": " + e, e);
    }
  }

  private static String describeEnv(KeyName name) {
    return "environment variable " + name.environmentVariable();
  }

  private static String decode(KeyName name, String value) {
    if (value.startsWith("{")) {
      return value;
    }
    try {
      return new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          name.environmentVariable() + " is neither a Tink JSON keyset nor base64 of one");
    }
  }

  private static KeysetHandle parse(KeyName name, String json, String where) {
    KeysetHandle keyset;
    try {
      keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new ConfigurationException(
          "key " + name.id() + " in " + where + " is not a readable Tink JSON keyset");
    }
    if (!name.parameters().getClass().isInstance(keyset.getPrimary().getKey().getParameters())) {
      throw new ConfigurationException(
          "key "
              + name.id()
              + " in "
              + where
              + " is not of the expected type: "
              + name.parameters());
    }
    return keyset;
  }

  private static FileAttribute<Set<PosixFilePermission>> attributes(String permissions) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
  }
}
