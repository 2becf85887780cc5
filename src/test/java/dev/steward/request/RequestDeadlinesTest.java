package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.store.Engine;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every clock of RULES.md's request-deadline table, worked through the request API on both engines:
 * received times come from staff logging (backdated) or from the node's clock.
 */
class RequestDeadlinesTest {
  private static final Map<Engine, RequestWorld> WORLDS = new EnumMap<>(Engine.class);

  static RequestWorld world(Engine engine) {
    return WORLDS.computeIfAbsent(
        engine, e -> RequestWorld.start(e, instant("2024-01-01T00:00", "UTC")));
  }

  @AfterAll
  static void close() {
    WORLDS.values().forEach(RequestWorld::close);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void gdprAccess_receivedOn31January_isDueOnLastDayOfFebruary(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2025-02-03T09:00", "Europe/Paris");
    JsonNode detail =
        world.detail(
            world.log(
                "access", "FR", "anne@example.fr", instant("2025-01-31T10:00", "Europe/Paris")));
    assertThat(detail.at("/summary/governing").asText()).isEqualTo("gdpr");
    assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2025-02-28");

    world.at("2024-02-01T09:00", "Europe/Paris");
    JsonNode leap =
        world.detail(
            world.log(
                "erasure", "DE", "dora@example.de", instant("2024-01-31T10:00", "Europe/Berlin")));
    assertThat(leap.at("/summary/dueDate").asText()).isEqualTo("2024-02-29");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ukAccess_identityArrivesLater_freshMonthRunsFromIdentity(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2025-03-21T09:00", "Europe/London");
    UUID id =
        world.log(
            "access", "GB", "uma@example.co.uk", instant("2025-03-10T09:00", "Europe/London"));
    assertThat(world.detail(id).at("/summary/dueDate").asText()).isEqualTo("2025-04-10");

    HttpResponse<String> verified =
        world.act(
            id,
            "verify",
            "{\"method\":\"passport seen at the front desk\",\"evidenceReceivedAt\":\"%s\"}"
                .formatted(instant("2025-03-20T16:00", "Europe/London")));

    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    JsonNode detail = world.detail(id);
    assertThat(detail.at("/summary/state").asText()).isEqualTo("verified");
    // From 20 March the month ends on Easter Sunday 20 April; Easter Monday is a bank holiday.
    assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2025-04-22");
    assertThat(detail.at("/clocks/0/countedFrom").asText()).isEqualTo("2025-03-20");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ukAccess_feeReceivedLater_freshMonthRunsFromTheFee_andTheReceiptIsAudited(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2025-07-28T09:00", "Europe/London");
    UUID id =
        world.log(
            "access", "GB", "fay@example.co.uk", instant("2025-07-01T09:00", "Europe/London"));
    assertThat(world.detail(id).at("/summary/dueDate").asText()).isEqualTo("2025-08-01");

    HttpResponse<String> paid =
        world.act(
            id,
            "fee",
            "{\"receivedAt\":\"%s\"}".formatted(instant("2025-07-25T16:00", "Europe/London")));

    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
    // From 25 July the month ends on 25 August, the summer bank holiday: due the next day.
    assertThat(RequestWorld.json(paid).get("dueDate").asText()).isEqualTo("2025-08-26");
    JsonNode detail = world.detail(id);
    assertThat(detail.at("/clocks/0/countedFrom").asText()).isEqualTo("2025-07-25");
    assertThat(detail.get("history").findValuesAsText("action")).contains("fee_received");
    assertThat(
            world.count(
                "audit_entry where action = 'request.fee_received' and object_id = '" + id + "'"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void fee_inTheFutureOrOnARequestWithoutAUkClock_isRefusedAndChangesNothing(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2025-07-28T09:00", "Europe/London");
    UUID uk =
        world.log(
            "access", "GB", "flo@example.co.uk", instant("2025-07-01T09:00", "Europe/London"));
    HttpResponse<String> future =
        world.act(
            uk,
            "fee",
            "{\"receivedAt\":\"%s\"}".formatted(instant("2025-07-29T09:00", "Europe/London")));
    assertThat(future.statusCode()).isEqualTo(422);
    assertThat(future.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(world.detail(uk).at("/summary/dueDate").asText()).isEqualTo("2025-08-01");

    UUID gdpr =
        world.log("access", "FR", "fid@example.fr", instant("2025-07-01T09:00", "Europe/Paris"));
    HttpResponse<String> notUk = world.act(gdpr, "fee", "{}");
    assertThat(notUk.statusCode()).isEqualTo(409);
    assertThat(world.detail(gdpr).get("history").findValuesAsText("action"))
        .doesNotContain("fee_received");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ukAccess_clarificationAskedOn10thAnsweredOn13th_stopsTheClockFourDays(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2025-09-15T09:00", "Europe/London");
    UUID id =
        world.log(
            "access", "GB", "ian@example.co.uk", instant("2025-09-03T09:00", "Europe/London"));

    HttpResponse<String> paused =
        world.act(
            id,
            "pause",
            "{\"askedAt\":\"%s\"}".formatted(instant("2025-09-10T14:00", "Europe/London")));
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    assertThat(RequestWorld.json(paused).get("paused").asBoolean()).isTrue();
    assertThat(RequestWorld.json(paused).get("dueDate").isNull()).isTrue();

    HttpResponse<String> resumed =
        world.act(
            id,
            "resume",
            "{\"answeredAt\":\"%s\"}".formatted(instant("2025-09-13T09:00", "Europe/London")));
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
    JsonNode detail = world.detail(id);
    assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2025-10-07");
    assertThat(detail.at("/clocks/0/daysPaused").asInt()).isEqualTo(4);
    assertThat(detail.get("history").findValuesAsText("action")).contains("paused", "resumed");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ukAccess_whilePaused_showsSinceWhenTheClockStoodAndTheDaysLeft(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2025-09-15T09:00", "Europe/London");
    UUID id =
        world.log(
            "access", "GB", "paula@example.co.uk", instant("2025-09-03T09:00", "Europe/London"));
    Instant asked = instant("2025-09-10T14:00", "Europe/London");

    HttpResponse<String> paused = world.act(id, "pause", "{\"askedAt\":\"%s\"}".formatted(asked));

    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    JsonNode summary = RequestWorld.json(paused);
    assertThat(summary.get("dueDate").isNull()).isTrue();
    assertThat(summary.get("stoppedSince").asText()).isEqualTo(asked.toString());
    // Counted so far: 4 to 9 September. Left: 10 September to 3 October, 24 days, which run
    // again from the day after the answer arrives.
    assertThat(summary.get("daysLeftWhenResumed").asInt()).isEqualTo(24);
    JsonNode detail = world.detail(id);
    assertThat(detail.at("/summary/stoppedSince").asText()).isEqualTo(asked.toString());
    assertThat(detail.at("/summary/daysLeftWhenResumed").asInt()).isEqualTo(24);
    assertThat(detail.at("/clocks/0/stoppedSince").asText()).isEqualTo(asked.toString());
    assertThat(detail.at("/clocks/0/daysLeftWhenResumed").asInt()).isEqualTo(24);

    world.at("2025-09-17T09:00", "Europe/London");
    HttpResponse<String> answered =
        world.act(
            id,
            "resume",
            "{\"answeredAt\":\"%s\"}".formatted(instant("2025-09-16T08:00", "Europe/London")));
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    JsonNode resumed = world.detail(id);
    // 16 September + 24 days = 10 October.
    assertThat(resumed.at("/summary/dueDate").asText()).isEqualTo("2025-10-10");
    assertThat(resumed.at("/summary/stoppedSince").isNull()).isTrue();
    assertThat(resumed.at("/summary/daysLeftWhenResumed").isNull()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ukAccess_clarificationAskedDuringTheExtension_stopsTheExtendedClock(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2025-09-20T09:00", "Europe/London");
    UUID id =
        world.log(
            "access", "GB", "xavier@example.co.uk", instant("2025-09-03T09:00", "Europe/London"));
    HttpResponse<String> extended =
        world.act(id, "extend", "{\"reason\":\"the records span several systems\"}");
    assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
    // 3 October + 2 months: Wednesday 3 December.
    assertThat(RequestWorld.json(extended).get("dueDate").asText()).isEqualTo("2025-12-03");

    world.at("2025-10-25T09:00", "Europe/London");
    world.act(
        id,
        "pause",
        "{\"askedAt\":\"%s\"}".formatted(instant("2025-10-20T10:00", "Europe/London")));
    world.act(
        id,
        "resume",
        "{\"answeredAt\":\"%s\"}".formatted(instant("2025-10-22T16:00", "Europe/London")));

    // UK GDPR Art. 12A: 20, 21 and 22 October do not count, so the extended period ends on
    // Saturday 6 December instead of 3 December, and the answer is due on Monday 8 December.
    JsonNode detail = world.detail(id);
    assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2025-12-08");
    assertThat(detail.at("/clocks/0/daysPaused").asInt()).isEqualTo(3);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ukAccess_clarificationAskedAfterTheExtendedDueDate_changesNothing(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2025-09-20T09:00", "Europe/London");
    UUID id =
        world.log(
            "access", "GB", "yusuf@example.co.uk", instant("2025-09-03T09:00", "Europe/London"));
    world.act(id, "extend", "{\"reason\":\"the records span several systems\"}");

    world.at("2025-12-10T09:00", "Europe/London");
    world.act(
        id,
        "pause",
        "{\"askedAt\":\"%s\"}".formatted(instant("2025-12-05T10:00", "Europe/London")));
    world.act(
        id,
        "resume",
        "{\"answeredAt\":\"%s\"}".formatted(instant("2025-12-08T16:00", "Europe/London")));

    // The clock ran out on 3 December; a question asked later does not revive it.
    JsonNode detail = world.detail(id);
    assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2025-12-03");
    assertThat(detail.at("/clocks/0/daysPaused").asInt()).isZero();
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ccpaKnow_confirmAcrossThanksgiving_respondIn45Days_extendedBy45(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2026-11-20T12:00", "America/Los_Angeles");
    UUID id =
        world.log(
            "know",
            "US-CA",
            "carla@example.com",
            instant("2026-11-20T12:00", "America/Los_Angeles"));
    JsonNode detail = world.detail(id);
    // 26 November (Thanksgiving) and 27 November (the day after, in California) are off.
    assertThat(detail.get("confirmBy").asText())
        .isEqualTo(instant("2026-12-08T23:59:59.999", "America/Los_Angeles").toString());
    assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2027-01-04");

    HttpResponse<String> extended =
        world.act(id, "extend", "{\"reason\":\"the records span several systems\"}");

    assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
    assertThat(RequestWorld.json(extended).get("dueDate").asText()).isEqualTo("2027-02-18");
    assertThat(RequestWorld.json(extended).get("extended").asBoolean()).isTrue();
    HttpResponse<String> again = world.act(id, "extend", "{\"reason\":\"more still\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(world.detail(id).at("/summary/dueDate").asText()).isEqualTo("2027-02-18");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ccpaOptOut_15BusinessDaysAcrossIndependenceDay_needsNoVerification(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2026-06-22T12:00", "America/Los_Angeles");
    UUID id =
        world.idOf(
            world.submit(
                "{\"type\":\"opt_out_sale_sharing\",\"residence\":\"US-CA\","
                    + "\"identity\":{\"email\":\"otto@example.com\"}}"));
    JsonNode detail = world.detail(id);
    // Verified on intake, and carried out without staff (11 CCR 7026(f)).
    assertThat(detail.at("/summary/state").asText()).isIn("awaiting_systems", "completed");
    // 4 July 2026 is a Saturday; the holiday is observed on Friday 3 July.
    assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2026-07-14");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void shineTheLight_isDue30DaysAfterReceipt(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2026-06-02T09:00", "America/Los_Angeles");
    UUID id =
        world.log(
            "shine_the_light",
            "US-CA",
            "sal@example.com",
            instant("2026-06-01T12:00", "America/Los_Angeles"));
    assertThat(world.detail(id).at("/summary/dueDate").asText()).isEqualTo("2026-07-01");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void contentRemoval_fromBusinessCustomer_isDueIn30BusinessDays(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2026-11-02T12:00", "America/New_York");
    HttpResponse<String> filed =
        world.post(
            "/api/v1/content-removals",
            world.customer,
            "{\"email\":\"noc@media.example\",\"details\":\"remove /video/launch.mp4\"}");
    UUID id = world.idOf(RequestWorld.reference(filed));
    JsonNode detail = world.detail(id);
    assertThat(detail.at("/summary/governing").asText()).isEqualTo("customer-content");
    assertThat(detail.at("/summary/state").asText()).isEqualTo("verified");
    // Veterans Day and Thanksgiving fall in the count.
    assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2026-12-16");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void parentalDeletion_meetsTheDeclaredTargetOf10BusinessDays(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2026-11-20T12:00", "America/New_York");
    UUID id =
        world.idOf(
            world.submit(
                "{\"type\":\"parental_deletion\",\"residence\":\"US-NY\","
                    + "\"identity\":{\"email\":\"parent@example.com\"}}"));
    JsonNode detail = world.detail(id);
    assertThat(detail.at("/summary/governing").asText()).isEqualTo("coppa");
    assertThat(detail.get("verificationNeeded").findValuesAsText("")).isEmpty();
    assertThat(detail.get("verificationNeeded").get(0).asText()).isEqualTo("parental");
    // The federal calendar: Thanksgiving off, the day after worked.
    assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2026-12-07");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void parentalDeletion_acrossColumbusDay_skipsTheFederalHoliday(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2026-10-09T12:00", "America/New_York");
    UUID id =
        world.idOf(
            world.submit(
                "{\"type\":\"parental_deletion\",\"residence\":\"US-NY\","
                    + "\"identity\":{\"email\":\"columbus.parent@example.com\"}}"));
    // 5 U.S.C. §6103(a): Columbus Day, Monday 12 October 2026, is off; the tenth business day
    // after Friday 9 October is then Monday 26 October, not Friday 23 October.
    assertThat(world.detail(id).at("/summary/dueDate").asText()).isEqualTo("2026-10-26");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void piplAccess_15WorkingDaysAcrossSpringFestival_countsWorkedSaturdays(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2026-02-12T10:00", "Asia/Shanghai");
    UUID id =
        world.idOf(
            world.submit(
                "{\"type\":\"access\",\"residence\":\"CN\",\"language\":\"zh-CN\","
                    + "\"identity\":{\"email\":\"li.wei@example.cn\"}}"));
    assertThat(world.detail(id).at("/summary/dueDate").asText()).isEqualTo("2026-03-11");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void hongKongAccess_isDue40DaysAfterReceipt(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2026-01-05T10:00", "Asia/Hong_Kong");
    UUID id =
        world.log("access", "HK", "ho@example.hk", instant("2026-01-05T10:00", "Asia/Hong_Kong"));
    JsonNode detail = world.detail(id);
    assertThat(detail.at("/summary/governing").asText()).isEqualTo("hk_pdpo");
    assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2026-02-14");
  }
}
