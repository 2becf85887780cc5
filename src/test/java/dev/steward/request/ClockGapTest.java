package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicySnapshot;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A PIPL request whose 15 working days reach into a year the State Council has not yet announced:
 * taken in, its clock left uncounted and shown, never guessed; counted once a policy with that year
 * is in force.
 */
class ClockGapTest {

  /**
   * The bundled policy under another label with a 2027 year. The dates are a test fixture, not the
   * announced calendar: New Year's Day off, no moved weekend.
   */
  private static PolicySnapshot withFixture2027() {
    String text =
        PolicyChecker.bundledText()
            .replaceFirst("(?m)^version: .*$", "version: \"2026-12\"")
            .replace(
                "        working_days: [2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09,"
                    + " 2026-09-20, 2026-10-10]\n",
                "        working_days: [2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09,"
                    + " 2026-09-20, 2026-10-10]\n"
                    + "      2027: {holidays: [2027-01-01], working_days: []}\n");
    assertThat(text).contains("2027: {holidays");
    return PolicySnapshot.ofText(PolicyChecker.BUNDLED_RESOURCE, text);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void piplAccess_whenTheNextYearIsNotAnnounced_isTakenInWithAnUncountedClockThenCounted(
      Engine engine) {
    try (RequestWorld world =
        RequestWorld.start(engine, instant("2026-12-20T10:00", "Asia/Shanghai"))) {
      UUID id =
          world.idOf(
              world.submit(
                  "{\"type\":\"access\",\"residence\":\"CN\",\"language\":\"zh-CN\","
                      + "\"identity\":{\"email\":\"wang.fang@example.cn\"}}"));

      JsonNode detail = world.detail(id);
      assertThat(detail.at("/summary/clockGap").asBoolean()).isTrue();
      assertThat(detail.at("/summary/dueDate").isNull()).isTrue();
      JsonNode clock = detail.at("/clocks/0");
      assertThat(clock.get("jurisdiction").asText()).isEqualTo("pipl");
      assertThat(clock.get("dueDate").isNull()).isTrue();
      assertThat(clock.get("uncounted").asText()).contains("cn-mainland").contains("2027");

      var dueResponse = world.get("/api/v1/requests?due_within=7d", world.dpo);
      assertThat(dueResponse.statusCode()).as(dueResponse.body()).isEqualTo(200);
      JsonNode due = RequestWorld.json(dueResponse).get("requests");
      assertThat(due.size()).as(dueResponse.body()).isEqualTo(1);
      assertThat(due.get(0).get("id").asText()).isEqualTo(id.toString());
      assertThat(due.get(0).get("clockGap").asBoolean()).isTrue();

      assertThat(world.node.requests().recountClockGaps()).isZero();
      world.node.policies().publish(withFixture2027(), new Principal.System("tests"));
      assertThat(world.node.requests().recountClockGaps()).isEqualTo(1);

      JsonNode counted = world.detail(id);
      assertThat(counted.at("/summary/clockGap").asBoolean()).isFalse();
      // 21 to 31 December: 9 working days; 1 January off; 4 to 8 January: 5 more; 11 January
      // is the 15th.
      assertThat(counted.at("/summary/dueDate").asText()).isEqualTo("2027-01-11");
      assertThat(counted.at("/clocks/0/uncounted").isNull()).isTrue();
    }
  }
}
