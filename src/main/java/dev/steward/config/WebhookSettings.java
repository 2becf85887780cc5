package dev.steward.config;

import dev.steward.error.ConfigurationException;
import dev.steward.web.Webhook;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One outside webhook: {@code STEWARD_<NAME>_URL}, {@code _SECRET}, {@code _TIMEOUT_SECONDS} over
 * the {@code <name>-url}, {@code <name>-secret-file}, {@code <name>-timeout-seconds} keys of {@code
 * steward.yaml}; none when no URL is given. Like the SMTP password, the secret is never written in
 * {@code steward.yaml}: it comes from the environment or from the owner-readable file named there.
 *
 * @param setting the keys' prefix, e.g. {@code purge-webhook}
 */
record WebhookSettings(String setting, String url, String secretFile, Integer timeoutSeconds) {

  Optional<Webhook> resolve(Map<String, String> env) {
    String prefix = "STEWARD_" + setting.toUpperCase(Locale.ROOT).replace('-', '_');
    String address = first(env.get(prefix + "_URL"), url);
    if (address == null || address.isBlank()) {
      return Optional.empty();
    }
    String secret = env.get(prefix + "_SECRET");
    if (secret == null && secretFile != null) {
      secret = read(secretFile);
    }
    if (secret == null) {
      throw new ConfigurationException(
          setting
              + "-url is set but no secret signs its calls: set "
              + prefix
              + "_SECRET or "
              + setting
              + "-secret-file");
    }
    int timeout = timeoutSeconds(env.get(prefix + "_TIMEOUT_SECONDS"), prefix);
    try {
      return Optional.of(
          new Webhook(setting, new URI(address.strip()), secret, Duration.ofSeconds(timeout)));
    } catch (URISyntaxException e) {
      throw new ConfigurationException(setting + "-url is not a URL: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  private int timeoutSeconds(String text, String prefix) {
    if (text == null) {
      return timeoutSeconds == null ? 30 : timeoutSeconds;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          prefix + "_TIMEOUT_SECONDS must be a whole number of seconds, not '" + text + "'");
    }
  }

  private String read(String path) {
    try {
      return Files.readString(Path.of(path)).strip();
    } catch (IOException | RuntimeException e) {
      throw new ConfigurationException(
          setting + "-secret-file " + path + " cannot be read: " + e.getClass().getSimpleName());
    }
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
