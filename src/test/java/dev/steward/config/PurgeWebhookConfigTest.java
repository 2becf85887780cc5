package dev.steward.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.ConfigurationException;
import dev.steward.web.Webhook;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The purge webhook from steward.yaml and STEWARD_PURGE_WEBHOOK_*, and the refusals naming why. */
class PurgeWebhookConfigTest {
  @TempDir Path dataDir;

  @Test
  void stewardYaml_withSecretFile_givesTheWebhook() throws IOException {
    Path secret = Files.writeString(dataDir.resolve("purge.secret"), "file secret of 24 chars\n");
    yaml(
        "purge-webhook-url: https://cdn.example.com/hooks/purge\n"
            + "purge-webhook-secret-file: "
            + secret
            + "\npurge-webhook-timeout-seconds: 12\n");

    Webhook webhook = resolve(Map.of()).purgeWebhook().orElseThrow();

    assertThat(webhook.url()).isEqualTo(URI.create("https://cdn.example.com/hooks/purge"));
    assertThat(webhook.secret()).isEqualTo("file secret of 24 chars");
    assertThat(webhook.timeout()).isEqualTo(Duration.ofSeconds(12));
    assertThat(webhook.toString()).doesNotContain("file secret");
  }

  @Test
  void environment_winsOverTheFile() throws IOException {
    yaml("purge-webhook-url: https://cdn.example.com/file\n");

    Webhook webhook =
        resolve(
                Map.of(
                    "STEWARD_PURGE_WEBHOOK_URL", "https://cdn.example.com/env",
                    "STEWARD_PURGE_WEBHOOK_SECRET", "an environment secret",
                    "STEWARD_PURGE_WEBHOOK_TIMEOUT_SECONDS", "5"))
            .purgeWebhook()
            .orElseThrow();

    assertThat(webhook.url().getPath()).isEqualTo("/env");
    assertThat(webhook.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void noUrl_meansNoWebhook() {
    assertThat(resolve(Map.of()).purgeWebhook()).isEmpty();
  }

  @Test
  void badSettings_areRefusedNamingTheSetting() throws IOException {
    yaml("purge-webhook-url: http://cdn.example.com/purge\n");
    assertThatThrownBy(() -> resolve(Map.of("STEWARD_PURGE_WEBHOOK_SECRET", "long enough secret")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("purge-webhook-url must be https://");
    assertThatThrownBy(
            () -> resolve(Map.of("STEWARD_PURGE_WEBHOOK_URL", "https://cdn.example.com/purge")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("STEWARD_PURGE_WEBHOOK_SECRET");
    assertThatThrownBy(
            () ->
                resolve(
                    Map.of(
                        "STEWARD_PURGE_WEBHOOK_URL", "https://cdn.example.com/purge",
                        "STEWARD_PURGE_WEBHOOK_SECRET", "short")))
        .hasMessageContaining("at least 16 characters");
    assertThatThrownBy(
            () ->
                resolve(
                    Map.of(
                        "STEWARD_PURGE_WEBHOOK_URL", "https://cdn.example.com/purge",
                        "STEWARD_PURGE_WEBHOOK_SECRET", "long enough secret",
                        "STEWARD_PURGE_WEBHOOK_TIMEOUT_SECONDS", "soon")))
        .hasMessageContaining("STEWARD_PURGE_WEBHOOK_TIMEOUT_SECONDS");
  }

  private void yaml(String text) throws IOException {
    Files.writeString(dataDir.resolve(ConfigResolver.CONFIG_FILE), text);
  }

  private StewardConfig resolve(Map<String, String> env) {
    return new ConfigResolver(env)
        .resolve(new ConfigResolver.Flags(dataDir, null, null, null, null));
  }
}
