package dev.steward.logscan;

import dev.steward.error.StewardException;

/**
 * The log directory cannot be read or written now (missing, unreadable, disk full). Fulfilment
 * retries the task; the message names the system and the file, never a line's content.
 */
public final class LogsUnavailableException extends StewardException {
  public LogsUnavailableException(String system, String problem) {
    super("logs-unavailable", 503, "log system " + system + ": " + problem);
  }
}
