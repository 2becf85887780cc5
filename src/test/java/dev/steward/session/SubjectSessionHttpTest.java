package dev.steward.session;

import static dev.steward.session.SessionWorld.body;
import static dev.steward.session.SessionWorld.codeIn;
import static dev.steward.session.SessionWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.store.Engine;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign-in by one-time code and the subject-session routes, over HTTP, on both engines. */
class SubjectSessionHttpTest {
  private static final Map<Engine, SessionWorld> WORLDS = new EnumMap<>(Engine.class);

  static SessionWorld world(Engine engine) {
    return WORLDS.computeIfAbsent(engine, SessionWorld::new);
  }

  @AfterAll
  static void close() {
    WORLDS.values().forEach(SessionWorld::close);
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk";
  }

  /** Signs in with the code from the letter and returns the session token. */
  private static String signIn(SessionWorld world, String email) {
    String challengeId = world.start("email", email, "en");
    String code = codeIn(body(world.letterTo(email, "sign-in code")));
    HttpResponse<String> verified = world.verify(challengeId, code);
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    return json(verified).get("token").asText();
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void signIn_codeFromTheLetter_listsOnlyOwnRequestsUntilSignOut(Engine engine) {
    SessionWorld world = world(engine);
    String email = unique("mei");
    String own = world.file(email);
    String others = world.file(unique("other"));

    String token = signIn(world, email);
    HttpResponse<String> mine = world.running.get("/api/v1/me/requests", token);

    assertThat(token).startsWith("sts_");
    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
    JsonNode requests = json(mine).get("requests");
    List<String> references = new ArrayList<>();
    requests.forEach(r -> references.add(r.get("reference").asText()));
    assertThat(references).containsExactly(own).doesNotContain(others);
    assertThat(requests.get(0).get("type").asText()).isEqualTo("access");
    assertThat(requests.get(0).get("state").asText()).isNotBlank();
    assertThat(requests.get(0).has("dueDate")).isTrue();
    assertThat(requests.get(0).fieldNames())
        .toIterable()
        .containsExactly("reference", "type", "state", "dueDate");

    HttpResponse<String> out = world.post("/api/v1/me/sign-out", token, "");
    HttpResponse<String> after = world.running.get("/api/v1/me/requests", token);

    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void start_knownAndUnknownEmail_answerTheSameShape(Engine engine) {
    SessionWorld world = world(engine);
    String known = unique("known");
    world.file(known);

    HttpResponse<String> forKnown = startRaw(world, known);
    HttpResponse<String> forUnknown = startRaw(world, unique("stranger"));

    assertThat(forKnown.statusCode()).isEqualTo(202).isEqualTo(forUnknown.statusCode());
    assertThat(json(forKnown).fieldNames()).toIterable().containsExactly("challengeId");
    assertThat(json(forUnknown).fieldNames()).toIterable().containsExactly("challengeId");
    assertThat(UUID.fromString(json(forUnknown).get("challengeId").asText())).isNotNull();
    assertThat(forKnown.headers().map().keySet()).isEqualTo(forUnknown.headers().map().keySet());
  }

  private static HttpResponse<String> startRaw(SessionWorld world, String email) {
    return world.post(
        "/api/v1/public/sessions",
        null,
        "{\"identity\":{\"type\":\"email\",\"value\":\"" + email + "\"}}");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_wrongCodeFiveTimes_locksEvenTheRightCode(Engine engine) {
    SessionWorld world = world(engine);
    String email = unique("guess");
    String challengeId = world.start("email", email, "en");
    String code = codeIn(body(world.letterTo(email, "sign-in code")));
    String wrong = code.equals("000000") ? "111111" : "000000";
    int sessionsBefore = world.count("select count(*) from subject_session");

    for (int attempt = 1; attempt <= 5; attempt++) {
      HttpResponse<String> refused = world.verify(challengeId, wrong);
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(json(refused).get("detail").asText()).contains("not right");
    }
    HttpResponse<String> locked = world.verify(challengeId, code);

    assertThat(locked.statusCode()).isEqualTo(422);
    assertThat(json(locked).get("detail").asText()).contains("too many wrong attempts");
    assertThat(world.count("select count(*) from subject_session")).isEqualTo(sessionsBefore);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_after15Minutes_isExpired(Engine engine) {
    SessionWorld world = world(engine);
    String email = unique("late");
    String challengeId = world.start("email", email, "en");
    String code = codeIn(body(world.letterTo(email, "sign-in code")));
    world.clock.advance(Duration.ofMinutes(15));
    try {
      HttpResponse<String> expired = world.verify(challengeId, code);

      assertThat(expired.statusCode()).isEqualTo(422);
      assertThat(json(expired).get("detail").asText()).contains("expired");
    } finally {
      world.clock.set(world.now().minus(Duration.ofMinutes(15)));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_sameCodeTwice_opensOneSession(Engine engine) {
    SessionWorld world = world(engine);
    String email = unique("twice");
    String challengeId = world.start("email", email, "en");
    String code = codeIn(body(world.letterTo(email, "sign-in code")));
    int sessionsBefore = world.count("select count(*) from subject_session");

    HttpResponse<String> first = world.verify(challengeId, code);
    HttpResponse<String> second = world.verify(challengeId, code);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(422);
    assertThat(json(second).get("detail").asText()).contains("already been used");
    assertThat(world.count("select count(*) from subject_session")).isEqualTo(sessionsBefore + 1);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void verify_unknownChallenge_isTheSameKindOfProblem(Engine engine) {
    SessionWorld world = world(engine);

    HttpResponse<String> unknown = world.verify(UUID.randomUUID().toString(), "123456");
    HttpResponse<String> garbled = world.verify("not-an-id", "123456");

    assertThat(unknown.statusCode()).isEqualTo(422).isEqualTo(garbled.statusCode());
    assertThat(json(unknown).get("type").asText()).isEqualTo(json(garbled).get("type").asText());
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void meRoutes_staffTokenIsForbidden_andNoTokenIsUnauthenticated(Engine engine) {
    SessionWorld world = world(engine);

    assertThat(world.running.get("/api/v1/me/requests", world.dpo).statusCode()).isEqualTo(403);
    assertThat(world.post("/api/v1/me/sign-out", world.dpo, "").statusCode()).isEqualTo(403);
    assertThat(world.running.get("/api/v1/me/requests").statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void sessionToken_onStaffRoutes_isForbidden(Engine engine) {
    SessionWorld world = world(engine);
    String token = signIn(world, unique("curious"));

    assertThat(world.running.get("/api/v1/requests", token).statusCode()).isEqualTo(403);
    assertThat(world.running.get("/api/v1/audit/entries", token).statusCode()).isEqualTo(403);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void signIn_byPhone_sendsTheCodeByTextMessage(Engine engine) {
    SessionWorld world = world(engine);
    int before = world.texts.size();

    String challengeId = world.start("phone", "+44 20 7946 0000", "zh-CN");
    String sent = world.texts.get(before);
    HttpResponse<String> verified = world.verify(challengeId, codeIn(sent));

    assertThat(sent).startsWith("+442079460000 ").contains("隐私中心");
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void signIn_inChinese_sendsTheChineseLetter(Engine engine) {
    SessionWorld world = world(engine);
    String email = unique("li");

    world.start("email", email, "zh-CN");

    assertThat(body(world.letterTo(email, "登录验证码"))).contains("分钟后失效");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void signInAndRead_areAuditedWithTheSessionAsActor(Engine engine) {
    SessionWorld world = world(engine);
    String token = signIn(world, unique("audited"));
    world.running.get("/api/v1/me/requests", token);
    world.post("/api/v1/me/sign-out", token, "");

    for (String action :
        List.of("subject-session.sign-in", "request.list-own", "subject-session.sign-out")) {
      assertThat(
              world.count(
                  "select count(*) from audit_entry where actor_type = 'subject-session'"
                      + " and action = '"
                      + action
                      + "'"))
          .as(action)
          .isPositive();
    }
    assertThat(world.count("select count(*) from audit_entry where detail like '%@%'")).isZero();
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void start_badIdentityType_isAProblemNamingTheField(Engine engine) {
    SessionWorld world = world(engine);

    HttpResponse<String> refused =
        world.post(
            "/api/v1/public/sessions", null, "{\"identity\":{\"type\":\"fax\",\"value\":\"123\"}}");

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("identity.type");
  }
}
