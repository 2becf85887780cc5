package dev.steward.request;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.ConfigurationException;
import org.junit.jupiter.api.Test;

class SmsSenderTest {
  @Test
  void unconfigured_whenUsed_isAConfigurationProblemThatSaysWhatToDo() {
    assertThatThrownBy(() -> SmsSender.unconfigured().send("+85251234567", "R-AAAA-BBBB: 123456"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no SMS provider is configured")
        .hasMessageNotContaining("+852");
  }
}
