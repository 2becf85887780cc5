package dev.steward.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));

  @Test
  void delayAfter_doublesFromTheFirstWait_andStopsGrowingAtTheLongest() {
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(240));
    assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void backoff_whoseLongestIsShorterThanItsFirst_isRefusedWithTheFieldNamed() {
    assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .hasMessage("backoff longest cannot be less than first");
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)))
        .hasMessage("backoff first must be a positive duration, was PT0S");
  }
}
