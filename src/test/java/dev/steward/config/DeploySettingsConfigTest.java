package dev.steward.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trusted-proxies and log-format: flag over environment over steward.yaml over the default. */
class DeploySettingsConfigTest {
  @TempDir Path dataDir;

  @Test
  void trustedProxies_flagWinsOverEnvironment_whichWinsOverTheFile() throws IOException {
    Files.writeString(
        dataDir.resolve(ConfigResolver.CONFIG_FILE), "trusted-proxies: [10.0.0.0/8, fd00::/8]\n");
    Map<String, String> env = Map.of("STEWARD_TRUSTED_PROXIES", "172.16.0.0/12, 192.0.2.1");

    assertThat(resolve(Map.of(), null).http().trustedProxies().entries())
        .containsExactly("10.0.0.0/8", "fd00::/8");
    assertThat(resolve(env, null).http().trustedProxies().entries())
        .containsExactly("172.16.0.0/12", "192.0.2.1");
    assertThat(resolve(env, "127.0.0.1").http().trustedProxies().entries())
        .containsExactly("127.0.0.1");
  }

  @Test
  void trustedProxies_none_byDefault() {
    assertThat(resolve(Map.of(), null).http().trustedProxies().isEmpty()).isTrue();
  }

  @Test
  void trustedProxies_thatAreNotAddresses_stopStartUpNamingTheEntry() {
    assertThatThrownBy(() -> resolve(Map.of("STEWARD_TRUSTED_PROXIES", "proxy.internal"), null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("trusted-proxies")
        .hasMessageContaining("proxy.internal");
  }

  @Test
  void logFormat_isPlainByDefault_andJsonWhenAsked() throws IOException {
    assertThat(resolve(Map.of(), null).logFormat()).isEqualTo(LogFormat.PLAIN);
    Files.writeString(dataDir.resolve(ConfigResolver.CONFIG_FILE), "log-format: json\n");
    assertThat(resolve(Map.of(), null).logFormat()).isEqualTo(LogFormat.JSON);
    assertThatThrownBy(() -> resolve(Map.of("STEWARD_LOG_FORMAT", "xml"), null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("log-format");
  }

  private StewardConfig resolve(Map<String, String> env, String trustedFlag) {
    return new ConfigResolver(env)
        .resolve(
            new ConfigResolver.Flags(
                dataDir, null, null, null, null, null, trustedFlag, null, null, null));
  }
}
