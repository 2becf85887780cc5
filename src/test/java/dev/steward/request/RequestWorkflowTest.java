package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static dev.steward.request.RequestWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.store.Engine;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Staff work on both engines: transitions, caseloads, views and the letters they cause. */
class RequestWorkflowTest {
  private static final Map<Engine, RequestWorld> WORLDS = new EnumMap<>(Engine.class);

  static RequestWorld world(Engine engine) {
    return WORLDS.computeIfAbsent(
        engine, e -> RequestWorld.start(e, instant("2026-03-02T09:00", "UTC")));
  }

  @AfterAll
  static void close() {
    WORLDS.values().forEach(RequestWorld::close);
  }

  private static String email(String name, Engine engine) {
    return name + "-" + engine.name().toLowerCase() + "@example.co.uk";
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ukAccess_verifiedStartedCompleted_sendsLettersNamingTheRegulator(Engine engine) {
    RequestWorld world = world(engine);
    String to = email("whole", engine);
    UUID id = world.log("access", "GB", to, world.clock.instant());

    HttpResponse<String> tooEarly = world.act(id, "start", null);
    assertThat(tooEarly.statusCode()).isEqualTo(409);
    assertThat(json(tooEarly).get("detail").asText())
        .contains("awaiting_verification", "in_progress");
    assertThat(world.act(id, "verify", "{\"method\":\"utility bill by post\"}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> started = world.act(id, "start", null);
    assertThat(json(started).get("state").asText()).isEqualTo("in_progress");
    HttpResponse<String> noEvidence = world.act(id, "complete", "{\"evidence\":\" \"}");
    assertThat(noEvidence.statusCode()).isEqualTo(422);
    HttpResponse<String> completed =
        world.act(
            id,
            "complete",
            "{\"evidence\":\"export sent by secure link\",\"message\":\"Your copy is attached.\"}");

    assertThat(json(completed).get("state").asText()).isEqualTo("completed");
    assertThat(world.act(id, "withdraw", "{}").statusCode()).isEqualTo(409);
    JsonNode detail = world.detail(id);
    assertThat(detail.get("history").findValuesAsText("action"))
        .containsSubsequence(
            "received", "verification_requested", "verified", "started", "completed");
    assertThat(detail.get("history").findValuesAsText("note"))
        .contains("export sent by secure link");
    String acknowledgement = RequestWorld.body(world.letter(to, "We have your request"));
    assertThat(acknowledgement).contains("access request", "proof of your identity");
    String completion = RequestWorld.body(world.letter(to, "is complete"));
    assertThat(completion).contains("Your copy is attached.", "Information Commissioner's Office");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void deny_withAnExemption_mustNameOneThatLimitsTheType(Engine engine) {
    RequestWorld world = world(engine);
    String to = email("denied", engine);
    UUID id = world.log("rectification", "GB", to, world.clock.instant());

    HttpResponse<String> wrongExemption =
        world.act(id, "deny", "{\"reason\":\"exemption\",\"exemption\":\"legal-claims\"}");
    assertThat(wrongExemption.statusCode()).isEqualTo(422);
    assertThat(json(wrongExemption).get("detail").asText()).contains("'legal-claims'");
    assertThat(world.state(id)).isEqualTo("awaiting_verification");

    HttpResponse<String> denied =
        world.act(
            id, "deny", "{\"reason\":\"excessive\",\"note\":\"the same as last month's request\"}");
    assertThat(json(denied).get("state").asText()).isEqualTo("denied");
    String letter = RequestWorld.body(world.letter(to, "Our answer to request"));
    assertThat(letter).contains("excessive", "the same as last month's request", "Information");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void agent_seesAndWorksOnlyAssignedRequests(Engine engine) {
    RequestWorld world = world(engine);
    UUID id = world.log("erasure", "GB", email("assigned", engine), world.clock.instant());

    assertThat(world.get("/api/v1/requests/" + id, world.agent).statusCode()).isEqualTo(404);
    assertThat(world.post("/api/v1/requests/" + id + "/withdraw", world.agent, "{}").statusCode())
        .isEqualTo(404);
    assertThat(world.post("/api/v1/requests/" + id + "/assign", world.agent, "{}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> assigned =
        world.act(id, "assign", "{\"assignee\":\"" + world.agentId + "\"}");
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);

    assertThat(world.get("/api/v1/requests/" + id, world.agent).statusCode()).isEqualTo(200);
    assertThat(
            json(world.get("/api/v1/requests", world.agent)).get("requests").findValuesAsText("id"))
        .contains(id.toString());
    HttpResponse<String> withdrawn =
        world.post("/api/v1/requests/" + id + "/withdraw", world.agent, "{\"note\":\"by phone\"}");
    assertThat(json(withdrawn).get("state").asText()).isEqualTo("withdrawn");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void views_listWhatIsDueSoonAndWhatIsOverdue(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2026-05-04T09:00", "UTC");
    UUID late =
        world.log("access", "HK", email("late", engine), instant("2026-03-20T09:00", "UTC"));
    UUID soon =
        world.log("access", "HK", email("soon", engine), instant("2026-03-30T09:00", "UTC"));

    JsonNode overdue = json(world.get("/api/v1/requests?overdue=true", world.dpo));
    JsonNode dueSoon = json(world.get("/api/v1/requests?due_within=7d", world.dpo));
    HttpResponse<String> badPeriod = world.get("/api/v1/requests?due_within=soon", world.dpo);

    assertThat(overdue.get("requests").findValuesAsText("id")).contains(late.toString());
    assertThat(overdue.get("requests").findValuesAsText("id")).doesNotContain(soon.toString());
    assertThat(dueSoon.get("requests").findValuesAsText("id")).contains(soon.toString());
    assertThat(dueSoon.get("requests").findValuesAsText("id")).doesNotContain(late.toString());
    assertThat(badPeriod.statusCode()).isEqualTo(422);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ccpaReceipt_notAcknowledgedAtLogging_isConfirmedByTheScheduledJob(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2026-06-01T09:00", "America/Los_Angeles");
    String to = "phone-caller-" + engine.name().toLowerCase() + "@example.com";
    UUID id =
        world.idOf(
            RequestWorld.reference(
                world.post(
                    "/api/v1/requests",
                    world.dpo,
                    "{\"type\":\"delete\",\"residence\":\"US-CA\",\"identity\":{\"email\":\""
                        + to
                        + "\"},\"channel\":\"phone\",\"acknowledge\":false}")));
    assertThat(world.detail(id).get("confirmedAt").isNull()).isTrue();

    int sent = world.node.requests().confirmReceipts();

    assertThat(sent).isGreaterThanOrEqualTo(1);
    assertThat(world.detail(id).get("confirmedAt").asText()).isEqualTo("2026-06-01T16:00:00Z");
    assertThat(world.node.requests().confirmReceipts()).isZero();
    world.letter(to, "We have your request");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void letters_inSimplifiedChineseAndEnglish_arriveOverSmtp(Engine engine) throws Exception {
    RequestWorld world = world(engine);
    world.at("2026-03-02T10:00", "Asia/Shanghai");
    String zh = "wei-" + engine.name().toLowerCase() + "@example.cn";
    String en = "ward-" + engine.name().toLowerCase() + "@example.cn";
    String zhReference =
        world.submit(
            "{\"type\":\"explanation\",\"residence\":\"CN\",\"language\":\"zh-CN\","
                + "\"identity\":{\"email\":\""
                + zh
                + "\"}}");
    world.submit(
        "{\"type\":\"explanation\",\"residence\":\"CN\",\"language\":\"en\","
            + "\"identity\":{\"email\":\""
            + en
            + "\"}}");

    MimeMessage chinese = world.letter(zh, "我们已收到您的请求 " + zhReference);
    MimeMessage chineseCode = world.letter(zh, "的验证码");
    MimeMessage english = world.letter(en, "We have your request");

    assertThat(RequestWorld.body(chinese))
        .contains("解释个人信息处理规则", "2026年3月2日", "2026年3月23日", "隐私团队");
    assertThat(RequestWorld.body(chineseCode)).contains("15分钟后失效");
    assertThat(RequestWorld.body(english))
        .contains("explanation of processing rules", "2 March 2026", "23 March 2026");
    assertThat(chinese.getContentType()).containsIgnoringCase("charset=UTF-8");
  }
}
