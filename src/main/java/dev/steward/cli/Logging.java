package dev.steward.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import dev.steward.config.LogFormat;
import dev.steward.web.AccessLog;
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

  /**
   * {@code json}: the console appender writes one JSON object per line (Logback's own encoder:
   * time, level, thread, logger, the formatted message, key-value pairs, the MDC's request id, any
   * stack trace), and each HTTP call adds a line of its own ({@link AccessLog}). {@code plain}
   * keeps {@code logback.xml}'s pattern.
   */
  static void format(LogFormat format) {
    if (format != LogFormat.JSON) {
      return;
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
    json.setContext(context);
    json.setName("CONSOLE");
    json.setTarget("System.err");
    json.setEncoder(encoder);
    json.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender("CONSOLE");
    root.addAppender(json);
    context.getLogger(AccessLog.LOGGER).setLevel(Level.INFO);
  }

  /** Once a server is up, its libraries' warnings belong in its log again. */
  static void restore() {
    for (String name : NOISY) {
      ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
    }
  }
}
