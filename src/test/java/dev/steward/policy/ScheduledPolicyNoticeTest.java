package dev.steward.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.access.MutableClock;
import dev.steward.app.TestNodes;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A version published ahead of its effective date: announced on the notice, then in force. */
class ScheduledPolicyNoticeTest {

  private static PolicySnapshot effectiveOn(String version, String effectiveDate) {
    String text =
        PolicyChecker.bundledText()
            .replaceFirst("(?m)^version: .*$", "version: \"" + version + "\"")
            .replaceFirst("(?m)^effective_date: .*$", "effective_date: " + effectiveDate);
    return PolicySnapshot.ofText(version + ".yaml", text);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void notice_whileANewVersionIsScheduled_announcesItAndShowsItOnceInForce(Engine engine) {
    MutableClock clock = MutableClock.at("2026-11-29T10:00:00Z");
    try (TestNodes.Running node =
        TestNodes.start(TestNodes.config(engine, TestNodes.http()), clock)) {
      node.node()
          .policies()
          .publish(effectiveOn("2026-12", "2026-12-01"), new Principal.System("t"));

      String english = node.get("/privacy?lang=en").body();
      String chinese = node.get("/privacy?lang=zh-CN").body();

      assertThat(english)
          .contains("Version 2019-10")
          .contains("A new version of this notice, 2026-12, takes effect on")
          .contains("/privacy/2026-12");
      assertThat(chinese).contains("本声明的新版本 2026-12 将于").contains("生效");

      clock.set(Instant.parse("2026-12-02T00:00:00Z"));
      HttpResponse<String> later = node.get("/privacy?lang=en");
      assertThat(later.body()).contains("Version 2026-12").doesNotContain("takes effect on");
    }
  }
}
