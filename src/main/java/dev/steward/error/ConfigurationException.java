package dev.steward.error;

/**
 * Steward was started or called with settings it cannot use: a malformed database URL, an unknown
 * option value, keys that do not match the store. The CLI exits with code 2.
 */
public class ConfigurationException extends StewardException {
  public ConfigurationException(String message) {
    super("configuration", 500, message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super("configuration", 500, message, cause);
  }
}
