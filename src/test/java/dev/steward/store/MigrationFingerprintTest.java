package dev.steward.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationFingerprintTest {
  private static final String STORE = "classpath:db/migration";
  private static final String EXTRA = "classpath:db/extra";

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void open_onceFlywayAppliedTheBundledScripts_skipsFlywayNextTime(Engine engine) {
    String url = TestDatabases.freshUrl(engine);
    try (Database first = Database.open(StoreSettings.of(url))) {
      assertThat(first.migratedOnOpen()).isTrue();
      first.jdbi().useHandle(h -> h.execute("update audit_head set seq = 7 where id = 1"));
    }
    try (Database second = Database.open(StoreSettings.of(url))) {
      assertThat(second.migratedOnOpen()).isFalse();
      assertThat(count(second, "select seq from audit_head")).isEqualTo(7L);
      assertThat(count(second, "select count(*) from schema_fingerprint")).isEqualTo(1L);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void open_withAScriptTheDatabaseHasNotSeen_appliesItThroughFlyway(Engine engine) {
    String url = TestDatabases.freshUrl(engine);
    Database.open(StoreSettings.of(url), STORE).close();
    try (Database newer = Database.open(StoreSettings.of(url), STORE, EXTRA)) {
      assertThat(newer.migratedOnOpen()).isTrue();
      assertThat(count(newer, "select count(*) from extra_marker")).isZero();
    }
    try (Database again = Database.open(StoreSettings.of(url), STORE, EXTRA)) {
      assertThat(again.migratedOnOpen()).isFalse();
    }
    // The older script set was applied too, so a node of the older build skips Flyway as well.
    try (Database older = Database.open(StoreSettings.of(url), STORE)) {
      assertThat(older.migratedOnOpen()).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void open_whenTheRecordIsGone_goesThroughFlywayAgainAndRecordsIt(Engine engine) {
    String url = TestDatabases.freshUrl(engine);
    try (Database first = Database.open(StoreSettings.of(url))) {
      first.jdbi().useHandle(h -> h.execute("delete from schema_fingerprint"));
    }
    try (Database second = Database.open(StoreSettings.of(url))) {
      assertThat(second.migratedOnOpen()).isTrue();
      assertThat(count(second, "select count(*) from schema_fingerprint")).isEqualTo(1L);
    }
  }

  @Test
  void fingerprint_dependsOnEveryScript_andNeedsReadableLocations() {
    ClassLoader loader = getClass().getClassLoader();
    String store = MigrationFingerprint.of(loader, STORE).orElseThrow();
    assertThat(MigrationFingerprint.of(loader, STORE)).contains(store);
    assertThat(store).hasSize(64);
    assertThat(MigrationFingerprint.of(loader, STORE, EXTRA)).isPresent().get().isNotEqualTo(store);
    assertThat(MigrationFingerprint.of(loader, "classpath:db/keyring"))
        .isPresent()
        .get()
        .isNotEqualTo(store);
    assertThat(MigrationFingerprint.of(loader, "classpath:db/nowhere")).isEmpty();
    assertThat(MigrationFingerprint.of(loader, "filesystem:/tmp")).isEmpty();
  }

  @Test
  void fingerprint_ofScriptsInAJar_isTheSameAsOfTheSameScriptsInAFolder(@TempDir Path dir)
      throws Exception {
    ClassLoader folders = getClass().getClassLoader();
    Path jar = dir.resolve("scripts.jar");
    Path scripts = Path.of(folders.getResource("db/migration").toURI());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.list(scripts)) {
      out.putNextEntry(new JarEntry("db/"));
      out.putNextEntry(new JarEntry("db/migration/"));
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        out.putNextEntry(new JarEntry("db/migration/" + file.getFileName()));
        out.write(Files.readAllBytes(file));
      }
    }
    try (URLClassLoader fromJar =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      assertThat(MigrationFingerprint.of(fromJar, STORE))
          .isPresent()
          .isEqualTo(MigrationFingerprint.of(folders, STORE));
    }
  }

  private static long count(Database database, String sql) {
    return database.jdbi().withHandle(h -> h.select(sql).mapTo(Long.class).one());
  }
}
