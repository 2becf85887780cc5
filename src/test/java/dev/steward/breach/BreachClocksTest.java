package dev.steward.breach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PublishedPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The breach clocks of the bundled policy on worked dates and times (RULES.md, "Breach clocks"),
 * each read with a fixed clock.
 */
class BreachClocksTest {
  private static final PublishedPolicy POLICY =
      new PublishedPolicy(
          "1",
          "bundled",
          Instant.parse("2026-01-01T00:00:00Z"),
          new PolicyChecker(Clock.systemUTC()).bundled());

  private static BreachIncident incident(
      Instant aware, Integer affected, String status, Boolean regulator, List<String> where) {
    return new BreachIncident(
        UUID.randomUUID(),
        status,
        "t",
        "w",
        null,
        aware,
        "",
        List.of("web-logs"),
        List.of("device"),
        where,
        null,
        null,
        affected,
        null,
        affected,
        null,
        "",
        "",
        "high",
        regulator,
        null,
        null,
        null,
        aware,
        aware);
  }

  private static List<BreachClock> at(
      String now, BreachIncident incident, List<BreachClocks.Given> given) {
    return new BreachClocks(Clock.fixed(Instant.parse(now), ZoneOffset.UTC))
        .of(POLICY, incident, given);
  }

  private static BreachClock only(List<BreachClock> clocks, String jurisdiction, String audience) {
    return clocks.stream()
        .filter(c -> c.jurisdiction().equals(jurisdiction) && c.audience().equals(audience))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void gdprRegulator_isDue72ElapsedHoursAfterAwareness_acrossTheSpringClockChange() {
    // Aware Friday 27 March 2026 10:30 UTC; Europe's clocks go forward on Sunday 29 March, and
    // GDPR Art. 33(1)'s 72 hours are elapsed time: Monday 30 March 10:30 UTC.
    BreachIncident incident =
        incident(Instant.parse("2026-03-27T10:30:00Z"), null, "confirmed", null, List.of("gdpr"));
    BreachClock open = only(at("2026-03-30T09:30:00Z", incident, List.of()), "gdpr", "regulator");
    assertThat(open.dueAt()).isEqualTo(Instant.parse("2026-03-30T10:30:00Z"));
    assertThat(open.state()).isEqualTo("open");
    assertThat(open.secondsLeft()).isEqualTo(3600);

    BreachClock overdue =
        only(at("2026-03-30T11:30:00Z", incident, List.of()), "gdpr", "regulator");
    assertThat(overdue.state()).isEqualTo("overdue");
    assertThat(overdue.secondsLeft()).isEqualTo(-3600);
  }

  @Test
  void ukRegulator_toldAfter72Hours_isLateWithItsReason_andToldBefore_isMet() {
    Instant aware = Instant.parse("2026-06-01T08:00:00Z");
    BreachIncident incident = incident(aware, null, "confirmed", true, List.of("uk_gdpr"));
    BreachClock late =
        only(
            at(
                "2026-06-10T00:00:00Z",
                incident,
                List.of(
                    new BreachClocks.Given(
                        "uk_gdpr",
                        "regulator",
                        Instant.parse("2026-06-04T08:00:00.001Z"),
                        "forensics needed first"))),
            "uk_gdpr",
            "regulator");
    assertThat(late.state()).isEqualTo("late");
    assertThat(late.lateReason()).isEqualTo("forensics needed first");

    BreachClock met =
        only(
            at(
                "2026-06-10T00:00:00Z",
                incident,
                List.of(
                    new BreachClocks.Given(
                        "uk_gdpr", "regulator", Instant.parse("2026-06-04T08:00:00Z"), null))),
            "uk_gdpr",
            "regulator");
    assertThat(met.state()).isEqualTo("met");
    // High risk, no decision yet: the people's notice is without undue delay, with no fixed time.
    BreachClock people =
        only(at("2026-06-10T00:00:00Z", incident, List.of()), "uk_gdpr", "individuals");
    assertThat(people.timing()).isEqualTo("without_undue_delay");
    assertThat(people.dueAt()).isNull();
    assertThat(people.state()).isEqualTo("open");
  }

  @Test
  void californiaResidents_haveThirtyCalendarDaysFromDiscovery_inLosAngeles() {
    // 31 January 07:30 UTC is 30 January 23:30 in Los Angeles: day 30 after it is 1 March, which
    // ends at 23:59:59.999 Pacific time, 08:00 UTC less a millisecond on 2 March.
    BreachIncident incident =
        incident(Instant.parse("2026-01-31T07:30:00Z"), 800, "confirmed", null, List.of("ccpa"));
    BreachClock residents =
        only(at("2026-02-01T00:00:00Z", incident, List.of()), "ccpa", "individuals");
    assertThat(residents.dueAt()).isEqualTo(Instant.parse("2026-03-02T07:59:59.999Z"));
    assertThat(residents.state()).isEqualTo("open");
  }

  @Test
  void californiaAttorneyGeneral_countsFifteenDaysFromTheResidentsNotice_onlyAbove500() {
    Instant aware = Instant.parse("2026-02-02T17:00:00Z");
    BreachIncident many = incident(aware, 501, "confirmed", true, List.of("ccpa"));
    BreachClock waiting = only(at("2026-02-03T00:00:00Z", many, List.of()), "ccpa", "regulator");
    assertThat(waiting.state()).isEqualTo("waiting");
    assertThat(waiting.dueAt()).isNull();
    assertThat(waiting.moreThan()).isEqualTo(500);

    // Residents told 10 February 10:00 Pacific: 15 days on is 25 February, ending 23:59:59.999
    // Pacific (26 February 07:59:59.999 UTC).
    List<BreachClocks.Given> told =
        List.of(
            new BreachClocks.Given(
                "ccpa", "individuals", Instant.parse("2026-02-10T18:00:00Z"), null));
    BreachClock running = only(at("2026-02-11T00:00:00Z", many, told), "ccpa", "regulator");
    assertThat(running.dueAt()).isEqualTo(Instant.parse("2026-02-26T07:59:59.999Z"));
    assertThat(running.state()).isEqualTo("open");

    BreachIncident exactly500 = incident(aware, 500, "confirmed", true, List.of("ccpa"));
    assertThat(only(at("2026-02-11T00:00:00Z", exactly500, told), "ccpa", "regulator").state())
        .isEqualTo("not_applicable");
  }

  @Test
  void pipl_asksForBothNoticesImmediately_withoutAFixedTime() {
    BreachIncident incident =
        incident(Instant.parse("2026-05-01T02:00:00Z"), 10, "suspected", null, List.of("pipl"));
    List<BreachClock> clocks = at("2026-05-01T03:00:00Z", incident, List.of());
    assertThat(clocks).extracting(BreachClock::timing).containsOnly("immediately");
    assertThat(clocks).extracting(BreachClock::state).containsOnly("open");
    assertThat(clocks).extracting(BreachClock::dueAt).containsOnly((Instant) null);
  }

  @Test
  void aDismissedIncident_closesItsClocks_andADecisionNotToTell_isShown() {
    Instant aware = Instant.parse("2026-03-02T09:00:00Z");
    assertThat(
            at(
                    "2026-03-10T00:00:00Z",
                    incident(aware, 3, "dismissed", null, List.of("gdpr")),
                    List.of())
                .stream()
                .map(BreachClock::state))
        .containsOnly("closed");
    BreachClock declined =
        only(
            at(
                "2026-03-10T00:00:00Z",
                incident(aware, 3, "confirmed", false, List.of("gdpr")),
                List.of()),
            "gdpr",
            "regulator");
    assertThat(declined.state()).isEqualTo("not_notifying");
  }
}
