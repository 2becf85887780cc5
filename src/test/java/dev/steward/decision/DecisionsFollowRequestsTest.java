package dev.steward.decision;

import static dev.steward.decision.DecisionApiTest.call;
import static dev.steward.decision.DecisionApiTest.decide;
import static dev.steward.decision.DecisionApiTest.identity;
import static dev.steward.decision.DecisionApiTest.subject;
import static dev.steward.decision.DecisionApiTest.subscribe;
import static dev.steward.decision.DecisionApiTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.TestNodes;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decisions answered from memory follow what requests and the vault change: a restriction and an
 * objection carried out by fulfilment, and an erasure, deny the very next decision about the person
 * after having been allowed (and cached) before.
 */
class DecisionsFollowRequestsTest {
  private static final Principal SYSTEM = new Principal.System("test");

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void restrictionObjectionAndErasure_denyTheNextDecision(Engine engine) throws Exception {
    try (TestNodes.Running node = DecisionApiTest.start(engine)) {
      String token = node.adminToken("decision:read", "request:read", "request:work");
      UUID gus = subscribe(node, "gus@example.org");
      UUID hal = subscribe(node, "hal@example.org");
      assertThat(decide(node, token, subject(gus), "crm", "service", "contact.email"))
          .isEqualTo("allow allowed d1");
      assertThat(decide(node, token, subject(hal), "crm", "marketing", "contact.email"))
          .isEqualTo("allow allowed d1");

      UUID restriction = file(node, "restriction", "gus@example.org");
      act(node, token, restriction, "start", "{}");
      assertThat(awaitCompleted(node, restriction)).isTrue();
      assertThat(decide(node, token, subject(gus), "crm", "service", "contact.email"))
          .isEqualTo("deny restricted d1");
      assertThat(
              tree(call(
                      node,
                      token,
                      "{"
                          + subject(gus)
                          + ",\"system\":\"crm\",\"purpose\":\"service\","
                          + "\"categories\":[\"contact.email\"],"
                          + "\"context\":{\"activity\":\"legal_claims\"}}"))
                  .get("reason")
                  .asText())
          .isEqualTo("allowed");

      UUID objection = file(node, "objection", "hal@example.org");
      assertThat(decide(node, token, subject(hal), "crm", "marketing", "contact.email"))
          .as("direct marketing stops at intake, before staff start the objection")
          .isEqualTo("deny objected_direct_marketing d1");
      assertThat(decide(node, token, subject(hal), "crm", "analytics", "contact.email"))
          .as("other purposes wait for staff")
          .isEqualTo("allow allowed d1");
      act(node, token, objection, "instructions", "{\"purposes\":[\"analytics\"]}");
      act(node, token, objection, "start", "{}");
      assertThat(awaitCompleted(node, objection)).isTrue();
      assertThat(decide(node, token, subject(hal), "crm", "marketing", "contact.email"))
          .isEqualTo("deny objected_direct_marketing d1");
      assertThat(decide(node, token, subject(hal), "crm", "analytics", "contact.email"))
          .as("staff carried the objection to this purpose out")
          .isEqualTo("deny objected d1");
      assertThat(decide(node, token, subject(hal), "crm", "service", "contact.email"))
          .isEqualTo("allow allowed d1");

      assertThat(
              decide(node, token, identity("hal@example.org"), "crm", "service", "contact.email"))
          .isEqualTo("allow allowed d1");
      node.node().vault().vault().erase(SYSTEM, hal, "test", null, List.of());
      assertThat(
              decide(node, token, identity("hal@example.org"), "crm", "service", "contact.email"))
          .isEqualTo("deny subject_erased d1");
      assertThat(decide(node, token, subject(hal), "crm", "service", "contact.email"))
          .isEqualTo("deny subject_erased d1");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void objectionNeedingDocuments_stillStopsDirectMarketingAtIntake(Engine engine) throws Exception {
    // The bundled policy wants documents for a UK objection, but none for one to marketing.
    try (TestNodes.Running node = TestNodes.start(TestNodes.config(engine, TestNodes.http()))) {
      UUID request = file(node, "objection", "kit@example.co.uk", "GB");

      String state =
          node.node()
              .database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select state from rights_request where id = :id")
                          .bind("id", request)
                          .mapTo(String.class)
                          .one());
      assertThat(state).isEqualTo("awaiting_verification");
      assertThat(
              DecisionApiTest.count(
                  node,
                  "select count(*) from opt_out_event where kind = 'direct_marketing'"
                      + " and source = 'request' and reference = 'request:"
                      + request
                      + "'"))
          .isEqualTo(1);
    }
  }

  private static UUID file(TestNodes.Running node, String type, String email) throws Exception {
    return file(node, type, email, "IE");
  }

  private static UUID file(TestNodes.Running node, String type, String email, String residence)
      throws Exception {
    HttpResponse<String> filed =
        node.json(
            "POST",
            "/api/v1/public/requests",
            null,
            "{\"type\":\""
                + type
                + "\",\"residence\":\""
                + residence
                + "\",\"identity\":{\"email\":\""
                + email
                + "\"}}");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
    String reference = tree(filed).get("reference").asText();
    return node.node()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select id from rights_request where reference = :r")
                    .bind("r", reference)
                    .mapTo(UUID.class)
                    .one());
  }

  private static void act(
      TestNodes.Running node, String token, UUID request, String action, String body) {
    HttpResponse<String> answer =
        node.json("POST", "/api/v1/requests/" + request + "/" + action, token, body);
    assertThat(answer.statusCode()).as(action + " " + answer.body()).isBetween(200, 204);
  }

  private static boolean awaitCompleted(TestNodes.Running node, UUID request)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      String state =
          node.node()
              .database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select state from rights_request where id = :id")
                          .bind("id", request)
                          .mapTo(String.class)
                          .one());
      if (state.equals("completed")) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
