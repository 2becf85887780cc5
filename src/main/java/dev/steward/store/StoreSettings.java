package dev.steward.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one database.
 *
 * @param jdbcUrl {@code jdbc:h2:...} or {@code jdbc:postgresql://...}
 * @param maxPoolSize upper bound of pooled connections; at least 1
 * @param connectTimeout how long start-up waits for the first connection
 */
public record StoreSettings(String jdbcUrl, int maxPoolSize, Duration connectTimeout) {
  public StoreSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize cannot be less than 1");
    }
  }

  public static StoreSettings of(String jdbcUrl) {
    return new StoreSettings(jdbcUrl, 10, Duration.ofSeconds(10));
  }

  /**
   * The embedded default: an H2 file database, in PostgreSQL mode so one dialect serves both.
   * {@code WRITE_DELAY=0} writes each commit to the file before the commit returns: with H2's
   * default delay, a process killed (SIGKILL, the OOM killer) up to a second after a commit lost
   * that commit, such as a request's start and its scheduled tasks, though it had been answered.
   * Without an fsync, a power loss can still lose the last commits. {@code TRACE_LEVEL_FILE=0}: H2
   * otherwise writes every failed statement, with the values of a violated unique key, to a {@code
   * .trace.db} file beside the store; Steward reports its own errors, without personal data. {@code
   * AUTO_SERVER=TRUE}: the first process to open the store serves it to the others over a loopback
   * socket ({@link Database} binds H2's sockets to 127.0.0.1), so that the administration commands
   * work beside a running node instead of failing on the locked file. A client needs the random key
   * H2 writes into the owner-only {@code .lock.db} file.
   */
  public static String h2FileUrl(java.nio.file.Path file) {
    return "jdbc:h2:file:"
        + file.toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
        + ";TRACE_LEVEL_FILE=0;AUTO_SERVER=TRUE";
  }
}
