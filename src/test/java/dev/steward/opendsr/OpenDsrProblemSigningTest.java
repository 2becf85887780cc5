package dev.steward.opendsr;

import static dev.steward.opendsr.OpenDsrNode.body;
import static dev.steward.opendsr.OpenDsrNode.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.store.Engine;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Problem answers under {@code /opendsr/v1} are signed like successes, with a key chaining to the
 * run-time test CA, so a controller can tell a refusal from the processor from one forged on the
 * way; problems elsewhere in Steward carry no OpenDSR signature.
 */
class OpenDsrProblemSigningTest {
  private static final Map<Engine, OpenDsrNode> NODES = new EnumMap<>(Engine.class);

  static OpenDsrNode node(Engine engine) {
    return NODES.computeIfAbsent(engine, OpenDsrNode::new);
  }

  @AfterAll
  static void close() {
    NODES.values().forEach(OpenDsrNode::close);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void badSubmission_422Problem_isSignedOverItsExactBody(Engine engine) {
    OpenDsrNode node = node(engine);
    HttpResponse<String> answer =
        node.submit(node.controller, body(newId(), "access", null).replace("\"gdpr\"", "\"x\""));

    assertThat(answer.statusCode()).isEqualTo(422);
    assertProblemSigned(node, answer);
    assertThat(
            OpenDsrSignatures.verify(
                answer.body().replace("regulation", "regulatioN"),
                answer.headers().firstValue(OpenDsrSignatures.SIGNATURE).orElseThrow(),
                node.ca.processorCertificate))
        .as("a changed body fails")
        .isFalse();
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void unknownRequestMissingTokenAndUnknownPath_problemsAreSigned(Engine engine) {
    OpenDsrNode node = node(engine);

    HttpResponse<String> unknown =
        node.node.get("/opendsr/v1/requests/" + newId(), node.controller);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertProblemSigned(node, unknown);

    HttpResponse<String> anonymous =
        node.node.json("POST", "/opendsr/v1/requests", null, body(newId(), "access", null));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertProblemSigned(node, anonymous);

    HttpResponse<String> nowhere = node.node.get("/opendsr/v1/nowhere");
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertProblemSigned(node, nowhere);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void problemsOutsideOpenDsr_carryNoOpenDsrSignature(Engine engine) {
    OpenDsrNode node = node(engine);
    HttpResponse<String> answer = node.node.get("/api/v1/requests");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue(OpenDsrSignatures.SIGNATURE)).isEmpty();
  }

  private static void assertProblemSigned(OpenDsrNode node, HttpResponse<String> answer) {
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(answer.headers().firstValue(OpenDsrSignatures.PROCESSOR_DOMAIN))
        .hasValue(OpenDsrNode.DOMAIN);
    OpenDsrProcessorTest.assertSigned(node, answer);
  }
}
