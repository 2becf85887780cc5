package dev.steward.policy.documents;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J: warnings stay warnings, its chatty progress lines become
 * debug. Without this it writes every layout step to stderr through java.util.logging.
 */
final class LayoutLog implements XRLogger {
  private static final Logger log = LoggerFactory.getLogger("dev.steward.policy.documents.pdf");

  private LayoutLog() {}

  static void install() {
    if (!(XRLog.getLoggerImpl() instanceof LayoutLog)) {
      XRLog.setLoggerImpl(new LayoutLog());
    }
  }

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable error) {
    if (level.intValue() >= Level.WARNING.intValue()) {
      log.warn("{}: {}", where, message, error);
    } else {
      log.debug("{}: {}", where, message, error);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // Levels are SLF4J's to decide.
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || log.isDebugEnabled();
  }
}
