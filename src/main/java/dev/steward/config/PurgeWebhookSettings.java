package dev.steward.config;

import dev.steward.error.ConfigurationException;
import dev.steward.fulfilment.PurgeWebhook;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The content-purge webhook: {@code STEWARD_PURGE_WEBHOOK_*} over the {@code purge-webhook-*} keys
 * of {@code steward.yaml}; none when no URL is given. Like the SMTP password, the secret is never
 * written in {@code steward.yaml}: it comes from {@code STEWARD_PURGE_WEBHOOK_SECRET} or from the
 * file {@code purge-webhook-secret-file} names (owner-readable, like the keys).
 */
final class PurgeWebhookSettings {
  private PurgeWebhookSettings() {}

  static Optional<PurgeWebhook> resolve(Map<String, String> env, FileSettings file) {
    String url = first(env.get("STEWARD_PURGE_WEBHOOK_URL"), file.purgeWebhookUrl());
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String secret = env.get("STEWARD_PURGE_WEBHOOK_SECRET");
    if (secret == null && file.purgeWebhookSecretFile() != null) {
      secret = read(file.purgeWebhookSecretFile());
    }
    if (secret == null) {
      throw new ConfigurationException(
          "purge-webhook-url is set but no secret signs its calls: set STEWARD_PURGE_WEBHOOK_SECRET"
              + " or purge-webhook-secret-file");
    }
    int timeout = timeoutSeconds(env, file);
    try {
      return Optional.of(
          new PurgeWebhook(new URI(url.strip()), secret, Duration.ofSeconds(timeout)));
    } catch (URISyntaxException e) {
      throw new ConfigurationException("purge-webhook-url is not a URL: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  private static int timeoutSeconds(Map<String, String> env, FileSettings file) {
    String text = env.get("STEWARD_PURGE_WEBHOOK_TIMEOUT_SECONDS");
    if (text == null) {
      return file.purgeWebhookTimeoutSeconds() == null ? 30 : file.purgeWebhookTimeoutSeconds();
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          "STEWARD_PURGE_WEBHOOK_TIMEOUT_SECONDS must be a whole number of seconds, not '"
              + text
              + "'");
    }
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path)).strip();
    } catch (IOException | RuntimeException e) {
      throw new ConfigurationException(
          "purge-webhook-secret-file " + path + " cannot be read: " + e.getClass().getSimpleName());
    }
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
