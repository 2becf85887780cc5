package dev.steward.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.PublicKeySign;
import dev.steward.error.ConfigurationException;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeysTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final byte[] MESSAGE = "checkpoint".getBytes(StandardCharsets.UTF_8);

  @TempDir Path temp;

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void load_firstStart_generatesOwnerOnlyFilesAndRecordsFingerprint(Engine engine)
      throws Exception {
    Path dir = temp.resolve("keys");
    try (Database database = TestDatabases.open(engine)) {
      Keys keys = Keys.load(dir, Map.of(), database.jdbi(), CLOCK);

      Path file = dir.resolve("audit-signing.json");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
          .isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(recorded(database)).isEqualTo(keys.fingerprint(KeyName.AUDIT_SIGNING));
      assertThat(keys.fingerprint(KeyName.AUDIT_SIGNING)).matches("[0-9a-f]{64}");
      assertThat(keys.toString()).doesNotContain("value");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void load_secondStartWithSameDirectory_usesTheSameKey(Engine engine) throws Exception {
    Path dir = temp.resolve("keys");
    try (Database database = TestDatabases.open(engine)) {
      Keys first = Keys.load(dir, Map.of(), database.jdbi(), CLOCK);
      Keys second = Keys.load(dir, Map.of(), database.jdbi(), CLOCK);

      PublicKeySign signer = first.signer(KeyName.AUDIT_SIGNING);
      byte[] signature = signer.sign(MESSAGE);
      second.verifier(KeyName.AUDIT_SIGNING).verify(signature, MESSAGE);
      assertThat(second.fingerprint(KeyName.AUDIT_SIGNING))
          .isEqualTo(first.fingerprint(KeyName.AUDIT_SIGNING));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void load_differentKeyDirectory_refusesWithKeyMismatch(Engine engine) {
    Path original = temp.resolve("keys");
    Path other = temp.resolve("other-keys");
    try (Database database = TestDatabases.open(engine);
        Database elsewhere = TestDatabases.open(engine)) {
      Keys keys = Keys.load(original, Map.of(), database.jdbi(), CLOCK);
      Keys.load(other, Map.of(), elsewhere.jdbi(), CLOCK);

      assertThatThrownBy(() -> Keys.load(other, Map.of(), database.jdbi(), CLOCK))
          .isInstanceOf(KeyMismatchException.class)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("key audit-signing in " + other.toAbsolutePath() + " differs")
          .hasMessageContaining(
              "expected " + keys.fingerprint(KeyName.AUDIT_SIGNING).substring(0, 12) + "…")
          .hasMessageEndingWith("every node must use the same keys");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void load_keyMissingOnAStoreThatRecordsOne_refusesInsteadOfGenerating(Engine engine) {
    try (Database database = TestDatabases.open(engine)) {
      Keys.load(temp.resolve("keys"), Map.of(), database.jdbi(), CLOCK);
      Path empty = temp.resolve("empty");

      assertThatThrownBy(() -> Keys.load(empty, Map.of(), database.jdbi(), CLOCK))
          .isInstanceOf(KeyMismatchException.class)
          .hasMessageContaining("key audit-signing is missing from")
          .hasMessageContaining("STEWARD_KEY_AUDIT_SIGNING");
      assertThat(empty).doesNotExist();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void load_keysFromEnvironment_rawJsonOrBase64_matchTheDirectoryKey(Engine engine)
      throws Exception {
    Path dir = temp.resolve("keys");
    try (Database database = TestDatabases.open(engine)) {
      Keys fromDir = Keys.load(dir, Map.of(), database.jdbi(), CLOCK);
      String json = Files.readString(dir.resolve("audit-signing.json"));
      String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
      Path unused = temp.resolve("unused");

      for (String value : new String[] {json, base64}) {
        Map<String, String> env = new java.util.HashMap<>();
        for (KeyName name : KeyName.values()) {
          env.put(name.environmentVariable(), Files.readString(dir.resolve(name.fileName())));
        }
        env.put("STEWARD_KEY_AUDIT_SIGNING", value);
        Keys fromEnv = Keys.load(unused, env, database.jdbi(), CLOCK);
        byte[] signature = fromEnv.signer(KeyName.AUDIT_SIGNING).sign(MESSAGE);
        fromDir.verifier(KeyName.AUDIT_SIGNING).verify(signature, MESSAGE);
      }
      assertThat(unused).doesNotExist();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void load_environmentKeyDiffersFromStore_refusesNamingTheVariable(Engine engine)
      throws Exception {
    try (Database database = TestDatabases.open(engine);
        Database elsewhere = TestDatabases.open(engine)) {
      Keys.load(temp.resolve("keys"), Map.of(), database.jdbi(), CLOCK);
      Keys.load(temp.resolve("other"), Map.of(), elsewhere.jdbi(), CLOCK);
      String otherJson = Files.readString(temp.resolve("other/audit-signing.json"));

      assertThatThrownBy(
              () ->
                  Keys.load(
                      temp.resolve("keys"),
                      Map.of("STEWARD_KEY_AUDIT_SIGNING", otherJson),
                      database.jdbi(),
                      CLOCK))
          .isInstanceOf(KeyMismatchException.class)
          .hasMessageContaining("in environment variable STEWARD_KEY_AUDIT_SIGNING differs");
    }
  }

  @Test
  void load_garbageInEnvironment_isRefusedWithoutEchoingIt() {
    try (Database database = TestDatabases.open(Engine.H2)) {
      assertThatThrownBy(
              () ->
                  Keys.load(
                      temp,
                      Map.of("STEWARD_KEY_AUDIT_SIGNING", "not-a-key!!secret"),
                      database.jdbi(),
                      CLOCK))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("STEWARD_KEY_AUDIT_SIGNING")
          .hasMessageNotContaining("secret");
    }
  }

  @Test
  void load_directoryReadableByOthers_isRefused() throws Exception {
    Path dir = temp.resolve("keys");
    try (Database database = TestDatabases.open(Engine.H2)) {
      Keys.load(dir, Map.of(), database.jdbi(), CLOCK);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

      assertThatThrownBy(() -> Keys.load(dir, Map.of(), database.jdbi(), CLOCK))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage(
              "keys directory "
                  + dir.toAbsolutePath()
                  + " is accessible by group or others (rwxr-xr-x); make it owner-only: chmod 700 "
                  + dir.toAbsolutePath());
    }
  }

  @Test
  void load_keyFileReadableByGroup_isRefused() throws Exception {
    Path dir = temp.resolve("keys");
    try (Database database = TestDatabases.open(Engine.H2)) {
      Keys.load(dir, Map.of(), database.jdbi(), CLOCK);
      Path file = dir.resolve("audit-signing.json");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

      assertThatThrownBy(() -> Keys.load(dir, Map.of(), database.jdbi(), CLOCK))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("key file " + file.toAbsolutePath() + " is accessible")
          .hasMessageEndingWith("chmod 600 " + file.toAbsolutePath());
    }
  }

  private static String recorded(Database database) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.select("select fingerprint from key_fingerprint where name = 'audit-signing'")
                    .mapTo(String.class)
                    .one());
  }
}
