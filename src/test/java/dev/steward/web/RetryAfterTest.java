package dev.steward.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.TestNodes;
import dev.steward.store.Engine;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  @Test
  void retryAfter_ofAFractionOfASecond_isRoundedUp() {
    assertThat(Problems.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(Problems.retryAfterSeconds(Duration.ofMillis(1_001))).isEqualTo(2);
    assertThat(Problems.retryAfterSeconds(Duration.ofMillis(1_499))).isEqualTo(2);
    assertThat(Problems.retryAfterSeconds(Duration.ofSeconds(3))).isEqualTo(3);
    assertThat(Problems.retryAfterSeconds(Duration.ofSeconds(3).plusNanos(1))).isEqualTo(4);
  }

  @Test
  void retryAfter_ofNothingLeftToWait_isStillOneSecond() {
    assertThat(Problems.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
    assertThat(Problems.retryAfterSeconds(Duration.ofSeconds(-5))).isEqualTo(1);
  }

  @Test
  void rateLimitedCaller_thatWaitsAsRetryAfterSays_isServedOnItsNextCall() throws Exception {
    // 24 a minute with a burst of one: the next token comes 2.5 s after a call, so whatever the
    // time between the two calls, the wait left has a fraction that rounding down would cut off.
    HttpSettings http = new HttpSettings("127.0.0.1", 0, 16_384, 24, 1, List.of());
    try (TestNodes.Running node = TestNodes.start(TestNodes.config(Engine.H2, http))) {
      assertThat(node.get("/health").statusCode()).isEqualTo(200);
      HttpResponse<String> refused = node.get("/health");

      assertThat(refused.statusCode()).isEqualTo(429);
      long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
      Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
      assertThat(node.get("/health").statusCode()).isEqualTo(200);
    }
  }
}
