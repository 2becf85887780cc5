package dev.steward.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps library logs (connection pool, migrations, Jetty) off a one-shot command's console, where
 * the command's own one-line message says what went wrong. {@code serve} and {@code --verbose} keep
 * them.
 */
final class Logging {
  private static final String[] NOISY = {
    "com.zaxxer.hikari", "org.flywaydb", "org.eclipse.jetty", "com.github.kagkarlsson", "io.javalin"
  };

  private Logging() {}

  /** Silences library logs unless {@code verbose}; {@link #restore} brings them back. */
  static void quiet(boolean verbose) {
    if (verbose) {
      return;
    }
    for (String name : NOISY) {
      ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.OFF);
    }
  }

  /** Once a server is up, its libraries' warnings belong in its log again. */
  static void restore() {
    for (String name : NOISY) {
      ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
    }
  }
}
