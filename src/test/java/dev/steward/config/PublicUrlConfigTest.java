package dev.steward.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.ConfigurationException;
import dev.steward.web.PublicUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** public-url: the flag over STEWARD_PUBLIC_URL over steward.yaml over http://localhost:PORT. */
class PublicUrlConfigTest {
  @TempDir Path dataDir;

  @Test
  void flag_winsOverEnvironment_whichWinsOverTheFile() throws IOException {
    Files.writeString(
        dataDir.resolve(ConfigResolver.CONFIG_FILE), "public-url: https://file.example.com\n");
    Map<String, String> env = Map.of("STEWARD_PUBLIC_URL", "https://env.example.com/");

    assertThat(resolve(Map.of(), null).http().publicUrl()).isEqualTo("https://file.example.com");
    assertThat(resolve(env, null).http().publicUrl()).isEqualTo("https://env.example.com/");
    assertThat(resolve(env, "https://flag.example.com").http().publicUrl())
        .isEqualTo("https://flag.example.com");
    assertThat(PublicUrl.of(resolve(env, null).http().publicUrl()).link("/status"))
        .isEqualTo("https://env.example.com/status");
  }

  @Test
  void none_meansTheNodesOwnPort_onceBound() {
    PublicUrl url = PublicUrl.of(resolve(Map.of(), null).http().publicUrl());
    url.bindPort(8080);
    assertThat(url.link("/verify")).isEqualTo("http://localhost:8080/verify");
    assertThat(url.isHttps()).isFalse();
  }

  @Test
  void valueThatIsNotAnHttpAddress_stopsStartUpNamingIt() {
    assertThatThrownBy(() -> resolve(Map.of("STEWARD_PUBLIC_URL", "ftp://privacy.example"), null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("public-url")
        .hasMessageContaining("ftp://privacy.example");
  }

  private StewardConfig resolve(Map<String, String> env, String flag) {
    return new ConfigResolver(env)
        .resolve(new ConfigResolver.Flags(dataDir, null, null, null, null, flag));
  }
}
