package dev.steward.opendsr;

import static dev.steward.opendsr.OpenDsrNode.body;
import static dev.steward.opendsr.OpenDsrNode.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.store.Engine;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad OpenDSR submission is a problem+json naming the field, and nothing is stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDsrInputTest {
  private OpenDsrNode node;

  @BeforeAll
  void start() {
    node = new OpenDsrNode(Engine.H2);
  }

  @AfterAll
  void stop() {
    node.close();
  }

  Stream<Arguments> badBodies() {
    String good = body(newId(), "access", null);
    String upper = newId().toUpperCase();
    String v1 = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
    return Stream.of(
        Arguments.of(
            "unknown type",
            good.replace("\"access\"", "\"rectification\""),
            "subject_request_type"),
        Arguments.of("upper-case UUID", body(upper, "access", null), "subject_request_id"),
        Arguments.of("UUID not v4", body(v1, "access", null), "subject_request_id"),
        Arguments.of(
            "not RFC 3339",
            good.replace("2026-11-20T10:00:00Z", "2026-11-20 10:00:00"),
            "submitted_time"),
        Arguments.of(
            "http callback",
            body(newId(), "access", "http://controller.example/cb"),
            "status_callback_urls[0]"),
        Arguments.of(
            "no identities",
            good.replaceAll("\\[\\{\"identity_type.*?\\}\\]", "[]"),
            "subject_identities"),
        Arguments.of(
            "unknown identity format",
            good.replace("\"raw\"", "\"sha512\""),
            "subject_identities[0].identity_format"),
        Arguments.of("unknown regulation", good.replace("\"gdpr\"", "\"lgpd\""), "regulation"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void submit_badInput_isAProblemNamingTheField_andStoresNothing(
      String name, String body, String field) {
    int requests = node.count("rights_request");
    int mappings = node.count("opendsr_request");

    HttpResponse<String> answer = node.submit(node.controller, body);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(answer.body()).contains("\"" + field + "\"");
    assertThat(node.count("rights_request")).isEqualTo(requests);
    assertThat(node.count("opendsr_request")).isEqualTo(mappings);
  }
}
