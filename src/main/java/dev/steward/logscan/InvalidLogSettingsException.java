package dev.steward.logscan;

import dev.steward.error.ConfigurationException;

/** A log system's settings cannot be used; the message names the system and the key. */
public final class InvalidLogSettingsException extends ConfigurationException {
  public InvalidLogSettingsException(String system, String key, String problem) {
    super("log system " + system + ": " + key + ": " + problem);
  }
}
