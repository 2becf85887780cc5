package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static dev.steward.request.RequestWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.NewSubject;
import dev.steward.vault.ReturningPerson;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Intake on both engines: what it answers, what it refuses, what it stores and audits. */
class RequestIntakeTest {
  private static final Map<Engine, RequestWorld> WORLDS = new EnumMap<>(Engine.class);

  static RequestWorld world(Engine engine) {
    return WORLDS.computeIfAbsent(
        engine, e -> RequestWorld.start(e, instant("2026-03-02T09:00", "UTC")));
  }

  @AfterAll
  static void close() {
    WORLDS.values().forEach(RequestWorld::close);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void publicIntake_knownAndUnknownPerson_answerTheSameShape(Engine engine) {
    RequestWorld world = world(engine);
    world
        .node
        .vault()
        .vault()
        .createSubject(
            new Principal.System("test"),
            NewSubject.of("website-visitors", List.of(Identity.email("known@example.hk"))),
            ReturningPerson.REFUSE);

    HttpResponse<String> known = intake(world, "known@example.hk");
    HttpResponse<String> unknown = intake(world, "stranger@example.hk");

    assertThat(known.statusCode()).isEqualTo(202).isEqualTo(unknown.statusCode());
    assertThat(json(known).fieldNames()).toIterable().containsExactly("reference");
    assertThat(json(unknown).fieldNames()).toIterable().containsExactly("reference");
    assertThat(json(known).get("reference").asText()).matches("R-[A-Z0-9]{4}-[A-Z0-9]{4}");
    assertThat(json(unknown).get("reference").asText()).matches("R-[A-Z0-9]{4}-[A-Z0-9]{4}");
    assertThat(known.headers().map().keySet()).isEqualTo(unknown.headers().map().keySet());
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void publicIntake_byAnAuthorizedAgent_acknowledgesToTheAgentInWordsForTheAgent(Engine engine) {
    RequestWorld world = world(engine);
    String agent = "agent-" + engine.name().toLowerCase() + "@agency.example";

    HttpResponse<String> filed =
        world.post(
            "/api/v1/public/requests",
            null,
            ("{\"type\":\"know\",\"residence\":\"US-CA\","
                    + "\"identity\":{\"email\":\"client-%s@example.com\"},"
                    + "\"agent\":{\"name\":\"Ada Agent\",\"email\":\"%s\"}}")
                .formatted(engine.name().toLowerCase(), agent));

    assertThat(filed.statusCode()).isEqualTo(202);
    String letter = RequestWorld.body(world.letter(agent, "request you made for someone"));
    assertThat(letter)
        .contains("on behalf of the person you act for", "the person you act for signed for you")
        .doesNotContain("your agent", "the permission you signed");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void contentRemoval_filedWithACustomersToken_isRecordedAsArrivingByTheCustomersApi(
      Engine engine) {
    RequestWorld world = world(engine);

    HttpResponse<String> filed =
        world.post(
            "/api/v1/content-removals",
            world.customer,
            "{\"email\":\"noc@media.example\",\"details\":\"remove the trailer\"}");

    assertThat(filed.statusCode()).isEqualTo(202);
    UUID id = world.idOf(RequestWorld.reference(filed));
    assertThat(world.count("rights_request where id = '" + id + "' and channel = 'customer_api'"))
        .isEqualTo(1);
    assertThat(world.count("rights_request where id = '" + id + "' and channel = 'web_form'"))
        .isZero();
  }

  private static HttpResponse<String> intake(RequestWorld world, String email) {
    return world.post(
        "/api/v1/public/requests",
        null,
        "{\"type\":\"access\",\"residence\":\"HK\",\"identity\":{\"email\":\"" + email + "\"}}");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void publicIntake_badInputs_areProblemsAndStoreNothing(Engine engine) {
    RequestWorld world = world(engine);
    int requests = world.count("rights_request");
    int letters = world.count("mail_outbox");

    HttpResponse<String> unknownType =
        world.post(
            "/api/v1/public/requests",
            null,
            "{\"type\":\"teleport\",\"residence\":\"FR\",\"identity\":{\"email\":\"a@example.fr\"}}");
    HttpResponse<String> notGranted =
        world.post(
            "/api/v1/public/requests",
            null,
            "{\"type\":\"know\",\"residence\":\"GB\",\"identity\":{\"email\":\"b@example.co.uk\"}}");
    HttpResponse<String> noIdentity =
        world.post("/api/v1/public/requests", null, "{\"type\":\"access\",\"residence\":\"HK\"}");
    HttpResponse<String> badEmail =
        world.post(
            "/api/v1/public/requests",
            null,
            "{\"type\":\"access\",\"residence\":\"HK\",\"identity\":{\"email\":\"not-an-email\"}}");
    HttpResponse<String> removalFromPublic =
        world.post(
            "/api/v1/public/requests",
            null,
            "{\"type\":\"content_removal\",\"residence\":\"US-NY\","
                + "\"identity\":{\"email\":\"c@example.com\"}}");

    for (HttpResponse<String> refused :
        List.of(unknownType, notGranted, noIdentity, badEmail, removalFromPublic)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
    }
    assertThat(json(unknownType).at("/errors/0/field").asText()).isEqualTo("type");
    assertThat(json(notGranted).get("detail").asText())
        .contains("'know'", "residence GB", "'uk_gdpr'", "does not grant it");
    assertThat(json(noIdentity).at("/errors/0/field").asText()).isEqualTo("identity");
    assertThat(json(badEmail).at("/errors/0/field").asText()).isEqualTo("identity.email");
    assertThat(world.count("rights_request")).isEqualTo(requests);
    assertThat(world.count("mail_outbox")).isEqualTo(letters);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void staffLog_receivedEarlier_isStoredWithItsChannelAndAuditedAsBackdated(Engine engine) {
    RequestWorld world = world(engine);
    world.at("2026-03-09T09:00", "Europe/London");
    HttpResponse<String> logged =
        world.post(
            "/api/v1/requests",
            world.dpo,
            "{\"type\":\"erasure\",\"residence\":\"GB\",\"identity\":{\"phone\":\"+44 20 7946 0000\"},"
                + "\"channel\":\"post\",\"receivedAt\":\""
                + instant("2026-03-04T11:00", "Europe/London")
                + "\"}");
    UUID id = world.idOf(RequestWorld.reference(logged));

    JsonNode detail = world.detail(id);
    assertThat(detail.at("/summary/channel").asText()).isEqualTo("post");
    assertThat(detail.at("/summary/receivedAt").asText()).isEqualTo("2026-03-04T11:00:00Z");
    assertThat(detail.at("/contact/phone").asText()).isEqualTo("+442079460000");
    assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2026-04-07");
    List<Map<String, Object>> backdated =
        world
            .node
            .database()
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "select actor_type, detail from audit_entry"
                                + " where action = 'request.backdated' and object_id = :id")
                        .bind("id", id.toString())
                        .mapToMap()
                        .list());
    assertThat(backdated).hasSize(1);
    assertThat(backdated.get(0).get("actor_type")).isEqualTo("token");
    assertThat(backdated.get(0).get("detail").toString()).contains("received=2026-03-04T11:00:00Z");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void intake_sameIdentityAndTypeStillOpen_linksInsteadOfForking(Engine engine) {
    RequestWorld world = world(engine);
    String first = world.submit(body("twice@example.hk"));
    int stored = world.count("rights_request");

    String second = world.submit(body("Twice@Example.HK"));

    assertThat(second).isNotEqualTo(first);
    assertThat(world.count("rights_request")).isEqualTo(stored);
    JsonNode detail = world.detail(world.idOf(first));
    assertThat(detail.get("alsoReceivedAs").findValuesAsText("reference")).containsExactly(second);
    assertThat(detail.get("history").findValuesAsText("action")).contains("duplicate_linked");
  }

  private static String body(String email) {
    return "{\"type\":\"rectification\",\"residence\":\"HK\",\"identity\":{\"email\":\""
        + email
        + "\"}}";
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void customerContentQuestion_namesTheCustomerAsControllerAndStoresNothing(Engine engine) {
    RequestWorld world = world(engine);
    int requests = world.count("rights_request");

    HttpResponse<String> answer =
        world.post(
            "/api/v1/public/requests",
            null,
            "{\"type\":\"customer_content_question\",\"residence\":\"FR\","
                + "\"identity\":{\"email\":\"viewer@example.fr\"}}");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(json(answer).get("outcome").asText()).isEqualTo("customer_is_controller");
    assertThat(json(answer).get("controller").asText()).contains("controls that content");
    assertThat(json(answer).get("route").asText()).contains("within 30 business days");
    assertThat(world.count("rights_request")).isEqualTo(requests);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void documentRequest_mustNameADocumentThePolicyOffers(Engine engine) {
    RequestWorld world = world(engine);
    String reference =
        world.submit(
            "{\"type\":\"document\",\"document\":\"dpa\",\"residence\":\"US-TX\","
                + "\"identity\":{\"email\":\"buyer@example.com\"}}");
    HttpResponse<String> unknown =
        world.post(
            "/api/v1/public/requests",
            null,
            "{\"type\":\"document\",\"document\":\"secret-plans\",\"residence\":\"US-TX\","
                + "\"identity\":{\"email\":\"buyer@example.com\"}}");

    JsonNode detail = world.detail(world.idOf(reference));
    assertThat(detail.get("document").asText()).isEqualTo("dpa");
    assertThat(detail.at("/summary/governing").asText()).isEqualTo("on-request");
    assertThat(detail.at("/summary/state").asText()).isEqualTo("verified");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(json(unknown).at("/errors/0/field").asText()).isEqualTo("document");
  }
}
