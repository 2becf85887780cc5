package dev.steward.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.steward.error.ConfigurationException;
import dev.steward.error.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pooled, migrated database: the data store or the keyring. Opening it connects, runs the
 * Flyway migrations under {@code locations}, and fails with a one-line reason when the database
 * cannot be reached. An embedded H2 store's directory and files are kept owner-only ({@link
 * H2Files}). Thread-safe; close it once at shutdown.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final long CHECKOUT_WAIT_MS = 30_000;

  static {
    // An embedded store serves the CLI beside a node (AUTO_SERVER); H2 would listen on every
    // interface and record the host's address. Loopback is enough: the CLI runs on the host. Set
    // before H2 reads its system properties, which it does once, when first opening a database.
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Engine engine;
  private final String jdbcUrl;
  private final long connectTimeoutMillis;
  private final TaskScheduling tasks;
  private final Generations generations;
  private final boolean migrated;
  private final Optional<H2Files> files;

  private Database(
      HikariDataSource dataSource, Engine engine, boolean migrated, Optional<H2Files> files) {
    this.migrated = migrated;
    this.files = files;
    this.dataSource = dataSource;
    this.engine = engine;
    this.jdbi = Jdbi.create(dataSource);
    this.jdbcUrl = dataSource.getJdbcUrl();
    this.connectTimeoutMillis = dataSource.getConnectionTimeout();
    this.tasks = new TaskScheduling();
    this.generations = new Generations(jdbi);
  }

  /** Opens and migrates the main data store. */
  public static Database open(StoreSettings settings) {
    return open(settings, "classpath:db/migration");
  }

  public static Database open(StoreSettings settings, String... migrationLocations) {
    return open(settings, false, migrationLocations);
  }

  /**
   * Opens and migrates a data store that a node has already created, and refuses to create one: an
   * administration command pointed at the wrong directory must not report success on a new, empty
   * store that no node uses. The refusal names the file or database it looked in.
   */
  public static Database openExisting(StoreSettings settings) {
    return open(settings, true, "classpath:db/migration");
  }

  private static Database open(
      StoreSettings settings, boolean mustExist, String... migrationLocations) {
    Engine engine = Engine.fromUrl(settings.jdbcUrl());
    // Owner-only before H2 creates anything: it would use the umask, readable by everyone.
    Optional<H2Files> files = H2Files.of(settings.jdbcUrl());
    if (mustExist) {
      files.ifPresent(H2Files::requireExisting);
    }
    files.ifPresent(H2Files::prepare);
    HikariDataSource dataSource = connect(settings, engine);
    files.ifPresent(H2Files::narrow);
    if (mustExist && !hasSchemaHistory(dataSource)) {
      dataSource.close();
      throw new ConfigurationException(
          "no Steward store in "
              + Engine.redact(settings.jdbcUrl())
              + ": the database has no Steward tables; point --db-url (or STEWARD_DB_URL) at the"
              + " store a node uses, or start 'steward serve' on it first to create it");
    }
    Optional<String> fingerprint =
        MigrationFingerprint.of(Database.class.getClassLoader(), migrationLocations);
    if (fingerprint.isPresent() && MigrationFingerprint.isRecorded(dataSource, fingerprint.get())) {
      return new Database(dataSource, engine, false, files);
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(migrationLocations)
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      dataSource.close();
      throw new StoreUnavailableException(
          "could not prepare the database schema: " + firstLine(e.getMessage()), e);
    }
    fingerprint.ifPresent(
        applied -> MigrationFingerprint.record(dataSource, applied, MigrationFingerprint::utcNow));
    return new Database(dataSource, engine, true, files);
  }

  /** True when Flyway's history table is in the connection's own schema. */
  private static boolean hasSchemaHistory(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        java.sql.ResultSet tables =
            connection
                .getMetaData()
                .getTables(
                    connection.getCatalog(),
                    connection.getSchema(),
                    "flyway_schema_history",
                    new String[] {"TABLE", "BASE TABLE"})) {
      return tables.next();
    } catch (SQLException e) {
      throw new StoreUnavailableException(
          "cannot read the database's tables: " + firstLine(rootMessage(e)), e);
    }
  }

  private static HikariDataSource connect(StoreSettings settings, Engine engine) {
    return connect(settings, engine, "steward-" + engine.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static HikariDataSource connect(StoreSettings settings, Engine engine, String poolName) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    config.setMaximumPoolSize(settings.maxPoolSize());
    // Start-up gives up on an unreachable database after connectTimeout; a caller waiting for a
    // busy pool waits longer, so a burst queues instead of failing.
    config.setConnectionTimeout(Math.max(settings.connectTimeout().toMillis(), CHECKOUT_WAIT_MS));
    config.setInitializationFailTimeout(settings.connectTimeout().toMillis());
    config.setPoolName(poolName);
    Optional<H2Files> files = H2Files.of(settings.jdbcUrl());
    // An embedded file answers at once or not at all: one attempt outside the pool, which would
    // retry for the network's connect timeout, so that a store another process holds is reported
    // now. The attempt's connection stays open until the pool has its own, so that H2 does not
    // close the database in between.
    try (Connection first = files.isPresent() ? firstConnection(settings, files.get()) : null) {
      return new HikariDataSource(config);
    } catch (StoreUnavailableException e) {
      throw e;
    } catch (SQLException e) {
      throw new StoreUnavailableException(
          "cannot reach the database at "
              + Engine.redact(settings.jdbcUrl())
              + ": "
              + firstLine(rootMessage(e)),
          e);
    } catch (HikariPool.PoolInitializationException e) {
      throw new StoreUnavailableException(
          "cannot reach the database at "
              + Engine.redact(settings.jdbcUrl())
              + ": "
              + firstLine(rootMessage(e)),
          e);
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          "cannot use database URL " + Engine.redact(settings.jdbcUrl()) + ": " + rootMessage(e),
          e);
    }
  }

  /**
   * A second, small pool on the same database, without migrating it again. The audit writer gets
   * one: callers that hold a connection of the main pool while they wait for their audit entry must
   * never be able to starve the writer of the connection it needs to commit that entry.
   */
  public Database sibling(String purpose, int poolSize) {
    StoreSettings own =
        new StoreSettings(jdbcUrl, poolSize, java.time.Duration.ofMillis(connectTimeoutMillis));
    return new Database(
        connect(own, engine, dataSource.getPoolName() + "-" + purpose),
        engine,
        false,
        Optional.empty());
  }

  /**
   * True when opening it went through Flyway; false when the bundled scripts' fingerprint was
   * recorded as fully applied, so there was nothing to migrate or validate.
   */
  public boolean migratedOnOpen() {
    return migrated;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Engine engine() {
    return engine;
  }

  /** The store's change counters, with this node's view of them. */
  public Generations generations() {
    return generations;
  }

  /** Scheduling of db-scheduler tasks on this store. */
  public TaskScheduling tasks() {
    return tasks;
  }

  /** True when a connection answers a trivial query within a second. */
  public boolean isReady() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
    try {
      // H2 may have written files as it closed (a compacted database file is a new file).
      files.ifPresent(H2Files::narrow);
    } catch (RuntimeException e) {
      LOG.warn("could not check the store's file permissions after closing: {}", e.getMessage());
    }
  }

  private static Connection firstConnection(StoreSettings settings, H2Files files)
      throws SQLException {
    try {
      return java.sql.DriverManager.getConnection(settings.jdbcUrl());
    } catch (SQLException e) {
      // H2's "database may be already in use": a process opened the file without serving it.
      if (e.getErrorCode() == 90020) {
        throw new StoreUnavailableException(
            "the H2 store "
                + files
                + " is in use by another process that does not share it; stop that process, or"
                + " give it and this command a URL with AUTO_SERVER=TRUE (the default store's"
                + " URL has it), or use PostgreSQL (--db-url) for a node and commands beside it",
            e);
      }
      throw e;
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }
}
