package dev.steward.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.app.TestNodes;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityMatch;
import dev.steward.web.Json;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision service, the opt-out API and GPC on a real node over HTTP, on H2 and PostgreSQL:
 * what a person chose reaches the next decision, bad input is refused and changes nothing, and a
 * CCPA opt-out request completes by itself.
 */
class DecisionApiTest {
  private static final Principal SYSTEM = new Principal.System("test");
  private static final String DEVICE = "dev-0123456789abcdef";

  static TestNodes.Running start(Engine engine) {
    return TestNodes.start(
        TestNodes.withPolicy(
            TestNodes.config(engine, TestNodes.http()),
            Path.of("src/test/resources/policy/decisions.yaml")));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void decisions_followConsentAndOptOuts_singleAndBatch(Engine engine) throws IOException {
    try (TestNodes.Running node = start(engine)) {
      String token = node.adminToken("decision:read");
      UUID ada = subscribe(node, "ada@example.org");

      assertThat(
              decide(
                  node, token, identity("Ada@Example.org"), "crm", "newsletter", "contact.email"))
          .isEqualTo("allow allowed d1");
      assertThat(decide(node, token, subject(ada), "crm", "newsletter", "contact.email"))
          .isEqualTo("allow allowed d1");
      assertThat(
              decide(
                  node,
                  token,
                  identity("ada@example.org"),
                  "ad-server",
                  "audience-sale",
                  "device.identifier"))
          .isEqualTo("allow allowed d1");

      HttpResponse<String> optOut =
          optOut(node, "{\"identity\":{\"type\":\"email\",\"value\":\"ada@example.org\"}}", "1");
      assertThat(optOut.statusCode()).as(optOut.body()).isEqualTo(202);
      assertThat(tree(optOut).get("source").asText()).isEqualTo("gpc");

      JsonNode denied =
          tree(
              call(
                  node,
                  token,
                  question(
                      identity("ada@example.org"),
                      "ad-server",
                      "audience-sale",
                      "device.identifier")));
      assertThat(denied.get("outcome").asText()).isEqualTo("deny");
      assertThat(denied.get("reason").asText()).isEqualTo("opted_out_sale_sharing");
      assertThat(denied.get("source").asText()).isEqualTo("gpc");
      assertThat(
              decide(node, token, subject(ada), "ad-server", "audience-sale", "device.identifier"))
          .isEqualTo("deny opted_out_sale_sharing d1");

      HttpResponse<String> batch =
          call(
              node,
              token,
              "{\"decisions\":["
                  + question(subject(ada), "crm", "newsletter", "contact.email")
                  + ","
                  + question(subject(ada), "ad-server", "audience-sale", "device.identifier")
                  + ","
                  + question(identity("bob@example.org"), "crm", "newsletter", "contact.email")
                  + ","
                  + question(identity("bob@example.org"), "crm", "service", "contact.email")
                  + "]}");
      assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
      assertThat(tree(batch).get("decisions").findValuesAsText("reason"))
          .containsExactly("allowed", "opted_out_sale_sharing", "no_consent", "allowed");
      assertThat(batch.body()).doesNotContain("bob@", "ada@");

      node.node().decisions().flushCounts();
      // The single deny, the subject's, and the batch's opt-out and unknown person's no_consent.
      assertThat(count(node, "select count(*) from audit_entry where action = 'decision.deny'"))
          .isEqualTo(4);
      assertThat(
              count(
                  node,
                  "select count(*) from audit_entry where action = 'decision.count'"
                      + " and object_id = 'newsletter'"))
          .isGreaterThanOrEqualTo(2);
      assertThat(
              count(node, "select count(*) from audit_entry where action = 'opt-out.sale_sharing'"))
          .isEqualTo(2);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void personMetAfterTheirIdentityWasAskedAbout_isDecidedOnWhatTheyNowChose(Engine engine)
      throws IOException {
    try (TestNodes.Running node = start(engine)) {
      String token = node.adminToken("decision:read");
      assertThat(
              decide(
                  node, token, identity("ivy@example.org"), "crm", "newsletter", "contact.email"))
          .isEqualTo("deny no_consent d1");
      assertThat(
              optOut(
                      node,
                      "{\"identity\":{\"type\":\"email\",\"value\":\"ivy@example.org\"}}",
                      null)
                  .statusCode())
          .isEqualTo(202);

      assertThat(
              optOut(
                      node,
                      "{\"identity\":{\"type\":\"email\",\"value\":\"jay@example.org\"},"
                          + "\"kinds\":[\"direct_marketing\"]}",
                      null)
                  .statusCode())
          .isEqualTo(202);
      assertThat(
              decide(node, token, identity("jay@example.org"), "crm", "marketing", "contact.email"))
          .as("a stranger on the suppression list")
          .isEqualTo("deny objected_direct_marketing d1");
      assertThat(
              decide(node, token, identity("jay@example.org"), "crm", "service", "contact.email"))
          .isEqualTo("allow allowed d1");

      UUID ivy = subscribe(node, "ivy@example.org");

      assertThat(
              decide(
                  node, token, identity("ivy@example.org"), "crm", "newsletter", "contact.email"))
          .as("the identity's remembered state was dropped when the subject was made")
          .isEqualTo("allow allowed d1");
      assertThat(
              decide(node, token, subject(ivy), "ad-server", "audience-sale", "device.identifier"))
          .as("the opt-out made by email before Steward knew her")
          .isEqualTo("deny opted_out_sale_sharing d1");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void gpc_onlyTheExactValueOneCounts_andOnCollectionOptsOutTheDeviceAndItsSubject(Engine engine)
      throws IOException {
    try (TestNodes.Running node = start(engine)) {
      String token = node.adminToken("decision:read");
      for (String malformed : new String[] {"true", "1 , 1", "0", ""}) {
        HttpResponse<String> answer = optOut(node, "{\"device\":\"" + DEVICE + "\"}", malformed);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(tree(answer).get("source").asText()).as(malformed).isEqualTo("api");
      }
      assertThat(tree(node.get("/api/v1/opt-outs/devices/" + DEVICE)).toString())
          .isEqualTo("{\"device\":\"" + DEVICE + "\",\"optedOut\":{\"sale_sharing\":\"api\"}}");
      assertThat(
              count(
                  node, "select count(*) from opt_out_event where party = 'device:" + DEVICE + "'"))
          .as("the same opt-out from the same source is recorded once")
          .isEqualTo(1);

      String other = "dev-fedcba9876543210";
      HttpResponse<String> collected =
          node.send(
              HttpRequest.newBuilder(node.uri("/api/v1/collect/contact-us"))
                  .header("Content-Type", "application/json")
                  .header("Sec-GPC", "1")
                  .header("Steward-Consent-Id", other)
                  .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"cleo@example.org\"}")));
      assertThat(collected.statusCode()).as(collected.body()).isEqualTo(201);
      assertThat(
              decide(
                  node,
                  token,
                  "\"device\":\"" + other + "\"",
                  "ad-server",
                  "audience-sale",
                  "device.identifier"))
          .isEqualTo("deny opted_out_sale_sharing d1");
      assertThat(
              decide(
                  node,
                  token,
                  identity("cleo@example.org"),
                  "ad-server",
                  "audience-sale",
                  "device.identifier"))
          .isEqualTo("deny opted_out_sale_sharing d1");
      assertThat(
              decide(node, token, identity("cleo@example.org"), "crm", "service", "contact.email"))
          .isEqualTo("allow allowed d1");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void badInput_isAProblemNamingTheField_andChangesNothing(Engine engine) throws IOException {
    try (TestNodes.Running node = start(engine)) {
      String token = node.adminToken("decision:read");
      int auditBefore =
          count(node, "select count(*) from audit_entry where action like 'decision.%'");

      HttpResponse<String> purpose =
          call(
              node,
              token,
              question(identity("ada@example.org"), "crm", "profiling", "contact.email"));
      HttpResponse<String> system =
          call(
              node,
              token,
              question(identity("ada@example.org"), "spreadsheet", "service", "contact.email"));
      HttpResponse<String> category =
          call(node, token, question(identity("ada@example.org"), "crm", "service", "shoe_size"));
      HttpResponse<String> twoParties =
          call(
              node,
              token,
              "{\"system\":\"crm\",\"purpose\":\"service\",\"categories\":[\"contact.email\"],"
                  + "\"device\":\""
                  + DEVICE
                  + "\","
                  + identity("ada@example.org")
                  + "}");
      HttpResponse<String> unknownField =
          call(node, token, "{\"system\":\"crm\",\"purpse\":\"service\"}");
      HttpResponse<String> malformed = call(node, token, "{\"system\":");
      HttpResponse<String> badBatch =
          call(
              node,
              token,
              "{\"decisions\":["
                  + question(subject(UUID.randomUUID()), "crm", "service", "contact.email")
                  + ","
                  + question(subject(UUID.randomUUID()), "crm", "nothing", "contact.email")
                  + "]}");
      HttpResponse<String> noToken =
          call(
              node, null, question(identity("ada@example.org"), "crm", "service", "contact.email"));

      assertThat(purpose.statusCode()).isEqualTo(422);
      assertThat(tree(purpose).get("errors").get(0).get("field").asText()).isEqualTo("purpose");
      assertThat(purpose.body()).contains("'profiling'");
      assertThat(purpose.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(tree(system).get("errors").get(0).get("field").asText()).isEqualTo("system");
      assertThat(system.body()).contains("'spreadsheet'");
      assertThat(tree(category).get("errors").get(0).get("field").asText())
          .isEqualTo("categories[0]");
      assertThat(twoParties.statusCode()).isEqualTo(422);
      assertThat(unknownField.statusCode()).isEqualTo(422);
      assertThat(unknownField.body()).contains("purpse");
      assertThat(malformed.statusCode()).isEqualTo(400);
      assertThat(badBatch.statusCode()).isEqualTo(422);
      assertThat(tree(badBatch).get("errors").get(0).get("field").asText())
          .isEqualTo("decisions[1].purpose");
      assertThat(noToken.statusCode()).isEqualTo(401);
      assertThat(purpose.body() + twoParties.body()).doesNotContain("ada@");
      node.node().decisions().flushCounts();
      assertThat(count(node, "select count(*) from audit_entry where action like 'decision.%'"))
          .isEqualTo(auditBefore);

      HttpResponse<String> badKind =
          optOut(node, "{\"device\":\"" + DEVICE + "\",\"kinds\":[\"everything\"]}", "1");
      HttpResponse<String> badDevice = optOut(node, "{\"device\":\"short\"}", null);
      HttpResponse<String> badEmail =
          optOut(node, "{\"identity\":{\"type\":\"email\",\"value\":\"not an email\"}}", null);
      HttpResponse<String> nobody = optOut(node, "{}", null);
      assertThat(badKind.statusCode()).isEqualTo(422);
      assertThat(tree(badKind).get("errors").get(0).get("field").asText()).isEqualTo("kinds[0]");
      assertThat(badDevice.statusCode()).isEqualTo(422);
      assertThat(badEmail.statusCode()).isEqualTo(422);
      assertThat(badEmail.body()).doesNotContain("not an email");
      assertThat(nobody.statusCode()).isEqualTo(422);
      assertThat(count(node, "select count(*) from opt_out_event")).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void optOutRequestFromThePrivacyCenter_completesByItself_andTheNextDecisionDenies(Engine engine)
      throws Exception {
    try (TestNodes.Running node = start(engine)) {
      String token = node.adminToken("decision:read");
      UUID dora = subscribe(node, "dora@example.org");
      assertThat(
              decide(node, token, subject(dora), "ad-server", "audience-sale", "device.identifier"))
          .isEqualTo("allow allowed d1");

      HttpResponse<String> submitted =
          node.json(
              "POST",
              "/api/v1/public/requests",
              null,
              "{\"type\":\"opt_out_sale_sharing\",\"residence\":\"US-CA\","
                  + "\"identity\":{\"email\":\"dora@example.org\"}}");
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
      String reference = tree(submitted).get("reference").asText();

      String state = "";
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (Instant.now().isBefore(deadline)) {
        state = stateOf(node, reference);
        if (state.equals("completed")) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(state).isEqualTo("completed");
      JsonNode decision =
          tree(
              call(
                  node,
                  token,
                  question(subject(dora), "ad-server", "audience-sale", "device.identifier")));
      assertThat(decision.get("reason").asText()).isEqualTo("opted_out_sale_sharing");
      assertThat(decision.get("source").asText()).isEqualTo("request");
      assertThat(
              decide(
                  node,
                  token,
                  identity("dora@example.org"),
                  "ad-server",
                  "audience-sale",
                  "device.identifier"))
          .isEqualTo("deny opted_out_sale_sharing d1");
      assertThat(
              count(
                  node,
                  "select count(*) from request_event e join rights_request r on r.id = e.request_id"
                      + " where r.reference = '"
                      + reference
                      + "' and e.actor_type = 'user'"))
          .as("no staff step")
          .isZero();
      assertThat(
              count(
                  node,
                  "select count(*) from rights_request where reference = '"
                      + reference
                      + "' and confirmed_at is not null"))
          .as("the acknowledgement sent at intake stays recorded (CCPA receipt confirmation)")
          .isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void withdrawalRequestNeedingNoVerification_completesByItself_andConsentEnds(Engine engine)
      throws Exception {
    try (TestNodes.Running node = start(engine)) {
      String token = node.adminToken("decision:read");
      UUID fay = subscribe(node, "fay@example.org");
      assertThat(decide(node, token, subject(fay), "crm", "newsletter", "contact.email"))
          .isEqualTo("allow allowed d1");

      HttpResponse<String> submitted =
          node.json(
              "POST",
              "/api/v1/public/requests",
              null,
              "{\"type\":\"withdraw_consent\",\"residence\":\"IE\","
                  + "\"identity\":{\"email\":\"fay@example.org\"}}");
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);

      assertThat(awaitState(node, tree(submitted).get("reference").asText()))
          .isEqualTo("completed");
      assertThat(decide(node, token, subject(fay), "crm", "newsletter", "contact.email"))
          .isEqualTo("deny no_consent d1");
      assertThat(
              count(
                  node,
                  "select count(*) from consent_event where kind = 'withdrawn'"
                      + " and subject_id = '"
                      + fay
                      + "'"))
          .isEqualTo(1);
    }
  }

  private static String awaitState(TestNodes.Running node, String reference)
      throws InterruptedException {
    String state = "";
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      state = stateOf(node, reference);
      if (state.equals("completed")) {
        break;
      }
      Thread.sleep(100);
    }
    return state;
  }

  static UUID subscribe(TestNodes.Running node, String email) {
    HttpResponse<String> answer =
        node.json(
            "POST",
            "/api/v1/collect/newsletter-signup",
            null,
            "{\"email\":\"" + email + "\",\"agree\":true}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return ((IdentityMatch.Found)
            node.node().vault().vault().findByIdentity(SYSTEM, Identity.email(email)))
        .subjectId();
  }

  static String identity(String email) {
    return "\"identity\":{\"type\":\"email\",\"value\":\"" + email + "\"}";
  }

  static String subject(UUID id) {
    return "\"subject\":\"" + id + "\"";
  }

  static String question(String party, String system, String purpose, String category) {
    return "{"
        + party
        + ",\"system\":\""
        + system
        + "\",\"purpose\":\""
        + purpose
        + "\",\"categories\":[\""
        + category
        + "\"]}";
  }

  static String decide(
      TestNodes.Running node,
      String token,
      String party,
      String system,
      String purpose,
      String category)
      throws IOException {
    HttpResponse<String> answer = call(node, token, question(party, system, purpose, category));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode decision = tree(answer);
    return decision.get("outcome").asText()
        + " "
        + decision.get("reason").asText()
        + " "
        + decision.get("policyVersion").asText();
  }

  static HttpResponse<String> call(TestNodes.Running node, String token, String body) {
    return node.json("POST", "/api/v1/decisions", token, body);
  }

  static HttpResponse<String> optOut(TestNodes.Running node, String body, String gpc) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(node.uri("/api/v1/opt-outs"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (gpc != null) {
      request.header("Sec-GPC", gpc);
    }
    return node.send(request);
  }

  static JsonNode tree(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  static int count(TestNodes.Running node, String sql) {
    return node.node()
        .database()
        .jdbi()
        .withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  private static String stateOf(TestNodes.Running node, String reference) {
    return node.node()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select state from rights_request where reference = :r")
                    .bind("r", reference)
                    .mapTo(String.class)
                    .findOne()
                    .orElse(""));
  }
}
