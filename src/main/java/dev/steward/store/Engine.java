package dev.steward.store;

import dev.steward.error.ConfigurationException;

/** The database engines Steward runs on; the same SQL and migrations serve both. */
public enum Engine {
  H2,
  POSTGRESQL;

  /** Recognises the engine from a JDBC URL, or refuses the URL with a message naming it. */
  public static Engine fromUrl(String jdbcUrl) {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      throw new ConfigurationException("database URL is empty");
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql://")) {
      return POSTGRESQL;
    }
    throw new ConfigurationException(
        "unsupported database URL '"
            + redact(jdbcUrl)
            + "': expected jdbc:h2:file:... or jdbc:postgresql://host:port/database");
  }

  /** Drops a password that may be embedded in a URL before it is shown anywhere. */
  public static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }
}
