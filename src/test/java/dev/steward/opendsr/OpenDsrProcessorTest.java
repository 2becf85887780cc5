package dev.steward.opendsr;

import static dev.steward.opendsr.OpenDsrNode.body;
import static dev.steward.opendsr.OpenDsrNode.newId;
import static dev.steward.opendsr.OpenDsrNode.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.app.TestNodes;
import dev.steward.store.Engine;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Steward as an OpenDSR processor on a real node, signing with a key from a run-time test CA. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDsrProcessorTest {
  private OpenDsrNode h2;

  @BeforeAll
  void start() {
    h2 = new OpenDsrNode(Engine.H2);
  }

  @AfterAll
  void stop() {
    h2.close();
  }

  @Test
  void discovery_answersTypesRawIdentitiesAndTheCertificateChain_signed() throws Exception {
    HttpResponse<String> answer = h2.node.get("/opendsr/v1/discovery");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertSigned(h2, answer);
    JsonNode discovery = tree(answer);
    assertThat(discovery.get("api_version").asText()).isEqualTo("2.0");
    assertThat(discovery.get("supported_subject_request_types").toString())
        .isEqualTo("[\"access\",\"portability\",\"erasure\"]");
    assertThat(discovery.get("supported_identities").findValuesAsText("identity_format"))
        .containsOnly("raw");
    String certificateUrl = discovery.get("processor_certificate").asText();
    assertThat(certificateUrl).endsWith("/opendsr/v1/certificate");
    h2.ca.validate(h2.node.get("/opendsr/v1/certificate").body());
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void submit_newRequest_answers201WithTheFieldsSignedByAKeyChainingToTheTestCa(Engine engine)
      throws Exception {
    try (OpenDsrNode node = new OpenDsrNode(engine)) {
      String id = newId();
      String sent = body(id, "erasure", null);

      HttpResponse<String> answer = node.submit(node.controller, sent);

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
      assertSigned(node, answer);
      assertThat(answer.headers().firstValue(OpenDsrSignatures.PROCESSOR_DOMAIN))
          .contains(OpenDsrNode.DOMAIN);
      JsonNode created = tree(answer);
      assertThat(created.get("subject_request_id").asText()).isEqualTo(id);
      assertThat(created.get("controller_id").asText()).isNotBlank();
      assertThat(created.get("expected_completion_time").asText()).startsWith("2026-12-");
      assertThat(created.get("received_time").asText()).isNotBlank();
      assertThat(Base64.getDecoder().decode(created.get("encoded_request").asText()))
          .isEqualTo(sent.getBytes(StandardCharsets.UTF_8));
      JsonNode status = tree(node.node.get("/opendsr/v1/requests/" + id, node.controller));
      assertThat(status.get("request_status").asText()).isEqualTo("pending");
      JsonNode staffView =
          tree(node.node.get("/api/v1/requests/" + node.requestId(id), node.staff));
      assertThat(staffView.toString()).contains("opendsr_controller").contains("\"verified\"");
    }
  }

  @Test
  void submit_sameIdAgain_answersTheSameRequestOr409WhenTheBodyDiffers() {
    String id = newId();
    HttpResponse<String> first = h2.submit(h2.controller, body(id, "access", null));
    HttpResponse<String> again = h2.submit(h2.controller, body(id, "access", null));
    HttpResponse<String> changed = h2.submit(h2.controller, body(id, "erasure", null));

    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(tree(again).get("expected_completion_time"))
        .isEqualTo(tree(first).get("expected_completion_time"));
    assertThat(changed.statusCode()).isEqualTo(409);
  }

  @Test
  void status_followsTheRequest_pendingInProgressCompleted() {
    String id = newId();
    h2.submit(h2.controller, body(id, "access", null));
    String request = h2.requestId(id).toString();

    h2.staff(request, "start", "");
    assertThat(status(id)).isEqualTo("in_progress");
    h2.staff(request, "complete", "{\"evidence\":\"package sent\"}");
    assertThat(status(id)).isEqualTo("completed");
  }

  @Test
  void status_deniedOrWithdrawn_isCancelled() {
    String denied = newId();
    String withdrawn = newId();
    h2.submit(h2.controller, body(denied, "erasure", null));
    h2.submit(h2.controller, body(withdrawn, "portability", null));

    HttpResponse<String> deny =
        h2.staff(h2.requestId(denied).toString(), "deny", "{\"reason\":\"no_data\"}");
    h2.staff(h2.requestId(withdrawn).toString(), "withdraw", "{}");

    assertThat(deny.statusCode()).as(deny.body()).isEqualTo(200);
    assertThat(status(denied)).isEqualTo("cancelled");
    assertThat(status(withdrawn)).isEqualTo("cancelled");
  }

  @Test
  void cancel_whilePending_is202_andAfterWorkStarted_is409() {
    String pending = newId();
    String started = newId();
    h2.submit(h2.controller, body(pending, "access", null));
    h2.submit(h2.controller, body(started, "erasure", null));
    h2.staff(h2.requestId(started).toString(), "start", "");

    HttpResponse<String> cancelled =
        h2.node.json("DELETE", "/opendsr/v1/requests/" + pending, h2.controller, "");
    HttpResponse<String> refused =
        h2.node.json("DELETE", "/opendsr/v1/requests/" + started, h2.controller, "");

    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
    assertThat(tree(cancelled).get("request_status").asText()).isEqualTo("cancelled");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(status(started)).isEqualTo("in_progress");
  }

  @Test
  void status_ofAnotherControllersRequest_is404() {
    String id = newId();
    h2.submit(h2.controller, body(id, "access", null));

    assertThat(h2.node.get("/opendsr/v1/requests/" + id, h2.otherController).statusCode())
        .isEqualTo(404);
    assertThat(
            h2.node
                .json("DELETE", "/opendsr/v1/requests/" + id, h2.otherController, "")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void routes_withoutAConfiguredKey_answer503OpenDsrNotConfigured() {
    try (TestNodes.Running node = OpenDsrNode.unconfigured(Engine.H2)) {
      HttpResponse<String> answer = node.get("/opendsr/v1/discovery");

      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.body()).contains("urn:steward:problem:opendsr-not-configured");
    }
  }

  private String status(String id) {
    HttpResponse<String> answer = h2.node.get("/opendsr/v1/requests/" + id, h2.controller);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertSigned(h2, answer);
    return tree(answer).get("request_status").asText();
  }

  static void assertSigned(OpenDsrNode node, HttpResponse<String> answer) {
    String signature = answer.headers().firstValue(OpenDsrSignatures.SIGNATURE).orElse(null);
    assertThat(OpenDsrSignatures.verify(answer.body(), signature, node.ca.processorCertificate))
        .as("signature over the body")
        .isTrue();
  }
}
