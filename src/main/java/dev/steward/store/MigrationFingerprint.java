package dev.steward.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The SHA-256 of the migration scripts bundled under some classpath locations (their names and
 * bytes), and whether a database records it as fully applied. Flyway costs a few hundred
 * milliseconds of class loading and classpath scanning at every start even when there is nothing to
 * do; a recorded fingerprint proves there is nothing to do, because Flyway itself applied and
 * validated exactly these scripts before it was recorded. Any difference, an added or an edited
 * script, yields another fingerprint, and the database goes through Flyway again.
 */
final class MigrationFingerprint {
  private static final String CLASSPATH = "classpath:";
  private static final String TABLE = "schema_fingerprint";

  private MigrationFingerprint() {}

  /**
   * The fingerprint of the scripts under {@code locations}, or empty when a location is not a plain
   * classpath folder or jar folder this reads (Flyway then decides, as it always did).
   */
  static Optional<String> of(ClassLoader loader, String... locations) {
    TreeMap<String, byte[]> scripts = new TreeMap<>();
    try {
      for (String location : locations) {
        if (!location.startsWith(CLASSPATH)) {
          return Optional.empty();
        }
        String folder = location.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
        Enumeration<URL> roots = loader.getResources(folder);
        if (!roots.hasMoreElements()) {
          return Optional.empty();
        }
        while (roots.hasMoreElements()) {
          if (!read(roots.nextElement(), folder, scripts)) {
            return Optional.empty();
          }
        }
      }
    } catch (IOException | UncheckedIOException | URISyntaxException e) {
      return Optional.empty();
    }
    if (scripts.isEmpty()) {
      return Optional.empty();
    }
    MessageDigest sha256 = sha256();
    scripts.forEach(
        (name, bytes) -> {
          sha256.update(name.getBytes(StandardCharsets.UTF_8));
          sha256.update((byte) 0);
          sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
          sha256.update((byte) 0);
          sha256.update(bytes);
        });
    return Optional.of(HexFormat.of().formatHex(sha256.digest()));
  }

  /** True when the database has recorded {@code fingerprint}; false also when it cannot say. */
  static boolean isRecorded(DataSource dataSource, String fingerprint) {
    try (Connection connection = dataSource.getConnection()) {
      // Asked first, so a new database answers "no" without a failed statement (which H2 would
      // trace to a file and PostgreSQL would log as an error).
      try (ResultSet tables =
          connection
              .getMetaData()
              .getTables(null, connection.getSchema(), TABLE, new String[] {"TABLE"})) {
        if (!tables.next()) {
          return false;
        }
      }
      try (PreparedStatement select =
          connection.prepareStatement("select count(*) from " + TABLE + " where fingerprint = ?")) {
        select.setString(1, fingerprint);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() && rows.getLong(1) == 1;
        }
      }
    } catch (SQLException e) {
      // No such table yet (a new database, or one migrated before fingerprints): Flyway decides.
      return false;
    }
  }

  /**
   * Records {@code fingerprint} after Flyway applied those scripts. Best effort: a database without
   * the table, or another node recording the same fingerprint first, only means Flyway runs again
   * at the next start.
   */
  static void record(DataSource dataSource, String fingerprint, Supplier<OffsetDateTime> now) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into schema_fingerprint (fingerprint, recorded_at) select ?, ? "
                    + "where not exists (select 1 from schema_fingerprint where fingerprint = ?)")) {
      insert.setString(1, fingerprint);
      insert.setObject(2, now.get());
      insert.setString(3, fingerprint);
      insert.executeUpdate();
    } catch (SQLException e) {
      // See above: nothing depends on the record but the next start's speed.
    }
  }

  static OffsetDateTime utcNow() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private static boolean read(URL root, String folder, TreeMap<String, byte[]> scripts)
      throws IOException, URISyntaxException {
    switch (root.getProtocol()) {
      case "file" -> {
        Path dir = Path.of(root.toURI());
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            String name = folder + "/" + dir.relativize(file).toString().replace('\\', '/');
            if (scripts.put(name, Files.readAllBytes(file)) != null) {
              return false; // the same script twice on the classpath: let Flyway judge it
            }
          }
        }
        return true;
      }
      case "jar" -> {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        JarFile jar = connection.getJarFile();
        String prefix = folder + "/";
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          JarEntry entry = entries.nextElement();
          if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
            try (InputStream in = jar.getInputStream(entry)) {
              if (scripts.put(entry.getName(), in.readAllBytes()) != null) {
                return false;
              }
            }
          }
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
