package dev.steward.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.TestNodes;
import dev.steward.store.Engine;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The node filters lists under the limits its settings give, not fixed ones: a line longer than the
 * default 8 KiB passes where the setting allows it, and a shorter line than that is refused where
 * the setting is lower.
 */
class FilterLimitsTest {

  @Test
  void routeAppliesTheConfiguredLimits() {
    try (TestNodes.Running roomy = start(new DecisionFilter.Limits(1L << 20, 1000, 20_000));
        TestNodes.Running strict = start(new DecisionFilter.Limits(1L << 20, 3, 300))) {
      String roomyToken = roomy.adminToken("decision:read");
      String strictToken = strict.adminToken("decision:read");
      String note = "x".repeat(10_000);
      String list = "email,note\nada@example.org," + note + "\n";
      HttpResponse<String> passed = filter(roomy, roomyToken, list);
      assertThat(passed.statusCode()).as(passed.body()).isEqualTo(200);
      assertThat(passed.headers().firstValue("Steward-Read")).contains("1");

      HttpResponse<String> refused =
          filter(strict, strictToken, "email,note\nada@example.org," + "y".repeat(400) + "\n");
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(refused.body()).contains("line 2").contains("longer than 300 bytes");

      HttpResponse<String> tooMany =
          filter(strict, strictToken, "email\na@example.org\nb@example.org\nc@example.org\n");
      assertThat(tooMany.statusCode()).isEqualTo(413);
      assertThat(tooMany.body()).contains("3 lines");
    }
  }

  private static TestNodes.Running start(DecisionFilter.Limits limits) {
    return TestNodes.start(
        TestNodes.withPolicy(
                TestNodes.config(Engine.H2, TestNodes.http()),
                Path.of("src/test/resources/policy/decisions.yaml"))
            .withFilterLimits(limits));
  }

  private static HttpResponse<String> filter(TestNodes.Running node, String token, String csv) {
    return node.send(
        HttpRequest.newBuilder(
                node.uri(
                    "/api/v1/decisions/filter?system=crm&purpose=service"
                        + "&categories=contact.email"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv)));
  }
}
