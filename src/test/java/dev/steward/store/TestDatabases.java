package dev.steward.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh, empty databases for store tests, on both engines: an H2 file in a temporary directory, and
 * a new schema in the PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres};
 * override with STEWARD_TEST_PG_URL). Parameterise store tests with {@link #engines()}.
 */
public final class TestDatabases {
  public static final String PG_BASE =
      System.getenv()
          .getOrDefault(
              "STEWARD_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private TestDatabases() {}

  public static Stream<Engine> engines() {
    return Stream.of(Engine.H2, Engine.POSTGRESQL);
  }

  /** A JDBC URL of a new, empty database of that engine. */
  public static String freshUrl(Engine engine) {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    if (engine == Engine.H2) {
      try {
        Path dir = Files.createTempDirectory("steward-h2-");
        return StoreSettings.h2FileUrl(dir.resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (Connection connection = DriverManager.getConnection(PG_BASE);
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + name.toLowerCase(Locale.ROOT));
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL for tests is not reachable at " + PG_BASE, e);
    }
    return PG_BASE + "&currentSchema=" + name.toLowerCase(Locale.ROOT);
  }

  /** Opens and migrates a fresh database of that engine. */
  public static Database open(Engine engine) {
    return Database.open(StoreSettings.of(freshUrl(engine)));
  }
}
