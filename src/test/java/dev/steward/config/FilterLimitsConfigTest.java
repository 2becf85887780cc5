package dev.steward.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.decision.DecisionFilter;
import dev.steward.error.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision filter's limits: {@code --filter-max-*} over {@code STEWARD_FILTER_MAX_*} over
 * {@code filter-max-*} in steward.yaml over 1 GiB, 20 million lines and 8 KiB lines.
 */
class FilterLimitsConfigTest {
  @TempDir Path dataDir;

  @Test
  void nothingGiven_isTheDefaults() {
    assertThat(resolve(Map.of(), null, null, null).filterLimits())
        .isEqualTo(new DecisionFilter.Limits(1L << 30, 20_000_000L, 8192));
  }

  @Test
  void flag_winsOverEnvironment_whichWinsOverTheFile_settingBySetting() throws IOException {
    Files.writeString(
        dataDir.resolve(ConfigResolver.CONFIG_FILE),
        "filter-max-bytes: 5000000\nfilter-max-lines: 3000\nfilter-max-line-bytes: 16384\n");
    assertThat(resolve(Map.of(), null, null, null).filterLimits())
        .isEqualTo(new DecisionFilter.Limits(5_000_000L, 3000L, 16384));
    Map<String, String> env =
        Map.of("STEWARD_FILTER_MAX_LINES", "4000", "STEWARD_FILTER_MAX_LINE_BYTES", "1024");
    assertThat(resolve(env, null, null, null).filterLimits())
        .isEqualTo(new DecisionFilter.Limits(5_000_000L, 4000L, 1024));
    assertThat(resolve(env, 9_000_000L, 5000L, 2048).filterLimits())
        .isEqualTo(new DecisionFilter.Limits(9_000_000L, 5000L, 2048));
  }

  @Test
  void unusableValues_stopStartUpNamingTheSetting() throws IOException {
    assertThatThrownBy(() -> resolve(Map.of("STEWARD_FILTER_MAX_BYTES", "lots"), null, null, null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("STEWARD_FILTER_MAX_BYTES")
        .hasMessageContaining("lots");
    assertThatThrownBy(() -> resolve(Map.of(), null, 0L, null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("filter-max-lines");
    Files.writeString(dataDir.resolve(ConfigResolver.CONFIG_FILE), "filter-max-line-bytes: 10\n");
    assertThatThrownBy(() -> resolve(Map.of(), null, null, null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("filter-max-line-bytes")
        .hasMessageContaining("10");
  }

  private StewardConfig resolve(
      Map<String, String> env, Long maxBytes, Long maxLines, Integer maxLineBytes) {
    return new ConfigResolver(env)
        .resolve(
            new ConfigResolver.Flags(
                dataDir, null, null, null, null, null, null, maxBytes, maxLines, maxLineBytes));
  }
}
