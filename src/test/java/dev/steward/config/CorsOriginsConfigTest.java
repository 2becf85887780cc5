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

/** cors-origins from steward.yaml: the origins whose pages may post the policy's forms. */
class CorsOriginsConfigTest {
  @TempDir Path dataDir;

  @Test
  void stewardYaml_withOrigins_givesThem() throws IOException {
    yaml("cors-origins: [https://www.example.com, https://*.shop.example.com]\n");

    assertThat(resolve().http().corsOrigins())
        .containsExactly("https://www.example.com", "https://*.shop.example.com");
  }

  @Test
  void entryThatIsNotAnOrigin_stopsStartUpNamingTheSettingAndTheEntry() throws IOException {
    yaml("cors-origins: [https://www.example.com/contact]\n");

    assertThatThrownBy(this::resolve)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("cors-origins")
        .hasMessageContaining("'https://www.example.com/contact'");
  }

  private void yaml(String text) throws IOException {
    Files.writeString(dataDir.resolve(ConfigResolver.CONFIG_FILE), text);
  }

  private StewardConfig resolve() {
    return new ConfigResolver(Map.of())
        .resolve(new ConfigResolver.Flags(dataDir, null, null, null, null));
  }
}
