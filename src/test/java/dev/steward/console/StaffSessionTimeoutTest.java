package dev.steward.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.access.MutableClock;
import dev.steward.access.StaffWebSessions;
import dev.steward.app.PageClient;
import dev.steward.app.TestNodes;
import dev.steward.store.Engine;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The console's cookie session ends after its idle time, and a new sign-in gives a new cookie. */
class StaffSessionTimeoutTest {
  private static final Pattern PASSWORD = Pattern.compile("One-time password[^:]*: (\\S+)");

  @Test
  void consoleSession_leftIdle_signsOut_whileAnActiveOneStays() {
    MutableClock clock = new MutableClock(Instant.now());
    try (TestNodes.Running node =
        TestNodes.start(TestNodes.config(Engine.H2, TestNodes.http()), clock)) {
      Matcher printed = PASSWORD.matcher(node.consoleText());
      assertThat(printed.find()).isTrue();
      PageClient browser = new PageClient(node);
      browser.get("/console/sign-in");
      PageClient.location(
          browser.post("/console/sign-in", "username", "admin", "password", printed.group(1)));
      assertThat(browser.get("/console/password").statusCode()).isEqualTo(200);

      clock.advance(StaffWebSessions.IDLE.minus(Duration.ofMinutes(5)));
      assertThat(browser.get("/console/password").statusCode()).isEqualTo(200);

      clock.advance(StaffWebSessions.IDLE.plus(Duration.ofMinutes(2)));
      assertThat(PageClient.location(browser.get("/console/password")))
          .isEqualTo("/console/sign-in");
    }
  }
}
