package dev.steward.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.config.ConfigResolver;
import dev.steward.config.StewardConfig;
import dev.steward.vault.LogCapture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's directory and files are owner-only (0700 and 0600), like the keys directory:
 * H2 would create them with the process umask, readable by every account on the host. POSIX file
 * systems only.
 */
class OwnerOnlyStoreFilesTest {
  @TempDir Path parent;

  @BeforeEach
  void posixOnly() {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
  }

  @Test
  void open_defaultDataDirectory_createsItAndTheStoreAndKeyringFilesOwnerOnly() {
    Path dataDir = parent.resolve("steward-data");
    StewardConfig config =
        new ConfigResolver(Map.of())
            .resolve(new ConfigResolver.Flags(dataDir, null, null, null, null));

    try (Database store = Database.open(config.store());
        Database keyring = Database.open(config.keyring(), "classpath:db/keyring")) {
      store.jdbi().useHandle(h -> h.execute("update audit_head set seq = 3 where id = 1"));
      assertThat(mode(dataDir)).isEqualTo("rwx------");
      assertThat(files(dataDir)).contains("steward.mv.db", "keyring.mv.db");
      files(dataDir)
          .forEach(file -> assertThat(mode(dataDir.resolve(file))).isEqualTo("rw-------"));
    }
    assertThat(mode(dataDir)).isEqualTo("rwx------");
    files(dataDir).forEach(file -> assertThat(mode(dataDir.resolve(file))).isEqualTo("rw-------"));
  }

  @Test
  void open_storeFileLeftWorldReadable_narrowsItToTheOwner() throws IOException {
    Path dataDir = parent.resolve("upgraded");
    String url = StoreSettings.h2FileUrl(dataDir.resolve("steward"));
    Database.open(StoreSettings.of(url)).close();
    Path file = dataDir.resolve("steward.mv.db");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    try (Database store = Database.open(StoreSettings.of(url))) {
      assertThat(store.isReady()).isTrue();
      assertThat(mode(file)).isEqualTo("rw-------");
    }
  }

  @Test
  void open_directoryOpenToOthers_isReportedAndLeftToTheOperator() throws IOException {
    Path shared = Files.createDirectory(parent.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

    try (LogCapture logs = new LogCapture();
        Database store =
            Database.open(StoreSettings.of(StoreSettings.h2FileUrl(shared.resolve("steward"))))) {
      assertThat(store.isReady()).isTrue();
      assertThat(logs.text()).contains("chmod 700 " + shared);
      assertThat(mode(shared)).isEqualTo("rwxr-xr-x");
      assertThat(mode(shared.resolve("steward.mv.db"))).isEqualTo("rw-------");
    }
  }

  @Test
  void of_inMemoryServerOrPostgresUrl_hasNoFilesToGuard() {
    assertThat(H2Files.of("jdbc:h2:mem:steward;MODE=PostgreSQL")).isEmpty();
    assertThat(H2Files.of("jdbc:h2:tcp://db:9092/steward")).isEmpty();
    assertThat(H2Files.of("jdbc:postgresql://127.0.0.1:5432/test")).isEmpty();
    assertThat(H2Files.of(StoreSettings.h2FileUrl(parent.resolve("steward")))).isPresent();
    assertThat(H2Files.of("jdbc:h2:./steward-data/steward;MODE=PostgreSQL")).isPresent();
  }

  private static List<String> files(Path dir) {
    try (Stream<Path> listed = Files.list(dir)) {
      return listed.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String mode(Path path) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
