package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static dev.steward.request.RequestWorld.json;
import static dev.steward.request.RequestWorld.secretIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityType;
import dev.steward.vault.NewSubject;
import dev.steward.vault.ReturningPerson;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Verification on both engines: codes, SMS, documents and CCPA data points, with letters. */
class RequestVerificationTest {
  private static final Map<Engine, RequestWorld> WORLDS = new EnumMap<>(Engine.class);
  private static final String HK_ACCESS =
      "{\"type\":\"access\",\"residence\":\"HK\",\"identity\":{\"email\":\"%s\"}}";

  static RequestWorld world(Engine engine) {
    return WORLDS.computeIfAbsent(
        engine, e -> RequestWorld.start(e, instant("2026-03-02T09:00", "UTC")));
  }

  @AfterAll
  static void close() {
    WORLDS.values().forEach(RequestWorld::close);
  }

  private static HttpResponse<String> code(RequestWorld world, String reference, String code) {
    return world.post(
        "/api/v1/public/requests/" + reference + "/code", null, "{\"code\":\"" + code + "\"}");
  }

  private static String wrong(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void code_wrongThenRight_verifiesOnce_andCannotBeReused(Engine engine) {
    RequestWorld world = world(engine);
    String to = "code-" + engine.name().toLowerCase() + "@example.hk";
    String reference = world.submit(HK_ACCESS.formatted(to));
    UUID id = world.idOf(reference);
    String secret = secretIn(world.letter(to, "Your verification code"));

    HttpResponse<String> wrong = code(world, reference, wrong(secret));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(json(wrong).get("type").asText())
        .isEqualTo("urn:steward:problem:verification-failed");
    assertThat(json(wrong).get("detail").asText()).contains("4 attempts left");
    assertThat(world.state(id)).isEqualTo("awaiting_verification");

    assertThat(code(world, reference, secret).statusCode()).isEqualTo(204);
    JsonNode detail = world.detail(id);
    assertThat(detail.at("/summary/state").asText()).isEqualTo("verified");
    assertThat(detail.get("verificationDone").toString()).contains("code");

    HttpResponse<String> reused = code(world, reference, secret);
    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(json(reused).get("detail").asText()).contains("already been used");
    assertThat(world.state(id)).isEqualTo("verified");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void code_afterFifteenMinutes_hasExpired_andANewOneWorks(Engine engine) {
    RequestWorld world = world(engine);
    String to = "slow-" + engine.name().toLowerCase() + "@example.hk";
    String reference = world.submit(HK_ACCESS.formatted(to));
    String first = secretIn(world.letter(to, "Your verification code"));

    world.clock.advance(Duration.ofMinutes(16));
    HttpResponse<String> expired = code(world, reference, first);

    assertThat(expired.statusCode()).isEqualTo(422);
    assertThat(json(expired).get("detail").asText()).contains("expired");
    assertThat(world.state(world.idOf(reference))).isEqualTo("awaiting_verification");
    HttpResponse<String> resent =
        world.post("/api/v1/public/requests/" + reference + "/code/resend", null, null);
    assertThat(resent.statusCode()).isEqualTo(202);
    HttpResponse<String> unknown =
        world.post("/api/v1/public/requests/R-0000-0000/code/resend", null, null);
    assertThat(unknown.statusCode()).isEqualTo(202);
    String second = secretIn(world.letters(to, "Your verification code", 2).get(1));
    assertThat(code(world, reference, second).statusCode()).isEqualTo(204);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void code_fiveWrongAttempts_spendTheCode_andNothingElseChanges(Engine engine) {
    RequestWorld world = world(engine);
    String to = "guess-" + engine.name().toLowerCase() + "@example.hk";
    String reference = world.submit(HK_ACCESS.formatted(to));
    String secret = secretIn(world.letter(to, "Your verification code"));

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(code(world, reference, wrong(secret)).statusCode()).isEqualTo(422);
    }
    HttpResponse<String> locked = code(world, reference, secret);

    assertThat(locked.statusCode()).isEqualTo(422);
    assertThat(json(locked).get("detail").asText()).contains("too many wrong attempts");
    assertThat(world.state(world.idOf(reference))).isEqualTo("awaiting_verification");
    HttpResponse<String> nobody = code(world, "R-0000-0000", secret);
    assertThat(json(nobody).get("detail").asText()).contains("no code is pending");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void code_forAPhoneOnly_goesByTextMessage(Engine engine) {
    RequestWorld world = world(engine);
    String phone = engine == Engine.H2 ? "+852 5123 4567" : "+852 5123 4568";
    String reference =
        world.submit(
            "{\"type\":\"access\",\"residence\":\"HK\",\"identity\":{\"phone\":\""
                + phone
                + "\"}}");

    RecordingSms.Sent sent = world.sms.sent.get(world.sms.sent.size() - 1);
    assertThat(sent.phone()).isEqualTo(phone.replace(" ", ""));
    assertThat(sent.text()).startsWith(reference + ": ");
    String secret = sent.text().substring(reference.length() + 2);
    assertThat(code(world, reference, secret).statusCode()).isEqualTo(204);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void documents_uploadedThenApproved_verifyAndStartAFreshUkMonth(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2026-03-02T09:00", "Europe/London");
    String to = "doc-" + engine.name().toLowerCase() + "@example.co.uk";
    String reference =
        world.submit(
            "{\"type\":\"access\",\"residence\":\"GB\",\"identity\":{\"email\":\"" + to + "\"}}");
    UUID id = world.idOf(reference);
    String token = secretIn(world.letter(to, "What we need to verify"));
    byte[] pdf = "%PDF-1.7 a scan".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int documents = world.count("request_document");

    world.at("2026-03-05T10:00", "Europe/London");
    HttpResponse<String> tooBig =
        world.upload(
            reference, token, "identity", "application/pdf", new byte[5 * 1024 * 1024 + 1]);
    HttpResponse<String> forged =
        world.upload(reference, "NOT-THE-TOKEN", "identity", "application/pdf", pdf);
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(json(tooBig).get("type").asText())
        .isEqualTo("urn:steward:problem:payload-too-large");
    assertThat(forged.statusCode()).isEqualTo(422);
    assertThat(world.count("request_document")).isEqualTo(documents);

    assertThat(world.upload(reference, token, "identity", "application/pdf", pdf).statusCode())
        .isEqualTo(202);
    assertThat(world.upload(reference, token, "address", "image/png", pdf).statusCode())
        .isEqualTo(202);
    JsonNode uploaded = world.detail(id);
    assertThat(uploaded.get("documents").findValuesAsText("status")).containsOnly("pending");
    for (JsonNode document : uploaded.get("documents")) {
      HttpResponse<String> reviewed =
          world.post(
              "/api/v1/requests/" + id + "/documents/" + document.get("id").asText() + "/review",
              world.dpo,
              "{\"approved\":true}");
      assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(204);
    }

    JsonNode detail = world.detail(id);
    assertThat(detail.at("/summary/state").asText()).isEqualTo("verified");
    assertThat(detail.get("identityReceivedAt").asText()).isEqualTo("2026-03-05T10:00:00Z");
    // A month from 5 March ends on Easter Sunday; Easter Monday 2026 is a bank holiday.
    assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2026-04-07");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void dataPoints_threeMatchingAndADeclaration_verifyAndLinkTheSubject(Engine engine) {
    RequestWorld world = world(engine);
    String email = "points-" + engine.name().toLowerCase() + "@example.com";
    UUID subject =
        world
            .node
            .vault()
            .vault()
            .createSubject(
                new Principal.System("test"),
                NewSubject.of(
                    "customer-contacts",
                    List.of(
                        Identity.email(email),
                        Identity.name("Dana Reyes " + engine),
                        new Identity(IdentityType.POSTAL_ADDRESS, "1 Main St, Fresno " + engine))),
                ReturningPerson.REFUSE);
    String reference =
        world.submit(
            "{\"type\":\"know_specific\",\"residence\":\"US-CA\",\"identity\":{\"email\":\""
                + email
                + "\"}}");
    String token = secretIn(world.letter(email, "What we need to verify"));

    HttpResponse<String> undeclared =
        world.post(
            "/api/v1/public/requests/" + reference + "/data-points",
            null,
            points(token, email, engine, ""));
    HttpResponse<String> declared =
        world.post(
            "/api/v1/public/requests/" + reference + "/data-points",
            null,
            points(
                token,
                email,
                engine,
                ",\"declaration\":{\"signedName\":\"Dana Reyes\",\"agreed\":true}"));

    assertThat(undeclared.statusCode()).isEqualTo(422);
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(202);
    JsonNode detail = world.detail(world.idOf(reference));
    assertThat(detail.at("/summary/state").asText()).isEqualTo("verified");
    assertThat(detail.get("subjectId").asText()).isEqualTo(subject.toString());
    assertThat(detail.get("history").findValuesAsText("action")).contains("declaration_signed");
  }

  private static String points(String token, String email, Engine engine, String declaration) {
    return "{\"token\":\"%s\",\"dataPoints\":[{\"type\":\"email\",\"value\":\"%s\"},"
            .formatted(token, email)
        + "{\"type\":\"name\",\"value\":\"dana reyes %s\"},".formatted(engine)
        + "{\"type\":\"postal_address\",\"value\":\"1 Main St, Fresno %s\"}]%s}"
            .formatted(engine, declaration);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void dataPoints_thatMatchNoOne_closeTheRequestAsUnverifiableWithALetter(Engine engine) {
    RequestWorld world = world(engine);
    String email = "nobody-" + engine.name().toLowerCase() + "@example.com";
    String reference =
        world.submit(
            "{\"type\":\"know\",\"residence\":\"US-CA\",\"identity\":{\"email\":\""
                + email
                + "\"}}");
    String token = secretIn(world.letter(email, "What we need to verify"));

    HttpResponse<String> answer =
        world.post(
            "/api/v1/public/requests/" + reference + "/data-points",
            null,
            "{\"token\":\""
                + token
                + "\",\"dataPoints\":[{\"type\":\"email\",\"value\":\""
                + email
                + "\"},{\"type\":\"name\",\"value\":\"No One\"}]}");

    assertThat(answer.statusCode()).isEqualTo(202);
    JsonNode detail = world.detail(world.idOf(reference));
    assertThat(detail.at("/summary/state").asText()).isEqualTo("denied");
    assertThat(detail.get("outcome").asText()).isEqualTo("unverifiable");
    String letter = RequestWorld.body(world.letter(email, "Our answer to request " + reference));
    assertThat(letter).contains("could not verify", "the data protection authority where you live");
  }
}
