package dev.steward.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.app.TestNodes;
import dev.steward.store.Engine;
import dev.steward.web.Json;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/policy/versions}: check, compare and publish a policy over the API. */
class PolicyPublishRouteTest {
  private static final String PATH = "/api/v1/policy/versions";
  private static TestNodes.Running running;
  private static String publisher;
  private static String reader;

  @BeforeAll
  static void start() {
    // The bundled policy is larger than the tests' usual body limit; the default is 6 MB.
    running =
        TestNodes.start(
            TestNodes.config(
                Engine.H2,
                new dev.steward.web.HttpSettings("127.0.0.1", 0, 1 << 20, 600, 600, List.of())));
    publisher = running.adminToken("policy:publish", "policy:read", "tokens:manage");
    HttpResponse<String> created =
        running.json(
            "POST",
            "/api/v1/tokens",
            publisher,
            "{\"name\":\"reader\",\"scopes\":[\"policy:read\"],\"expiresInDays\":1}");
    try {
      reader = Json.mapper().readTree(created.body()).get("secret").asText();
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalStateException(created.statusCode() + " " + created.body(), e);
    }
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void publish_aNewVersion_storesItInForce_andAuditsWhoPublishedIt() throws Exception {
    String text = bundledWith("2019-10", "2026-api-1").replace("period: P6Y", "period: P7Y");

    HttpResponse<String> response = post(publisher, upload(text, false));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = Json.mapper().readTree(response.body());
    assertThat(body.get("version").asText()).isEqualTo("2026-api-1");
    assertThat(body.get("published").asBoolean()).isTrue();
    assertThat(body.get("changes")).isNotEmpty();
    assertThat(running.get(PATH, reader).body()).contains("\"2026-api-1\"");
    assertThat(running.get("/api/v1/policy", reader).body()).contains("\"2026-api-1\"");
    assertThat(
            count(
                "select count(*) from audit_entry where action = 'policy.published'"
                    + " and object_id = '2026-api-1' and actor_type = 'token'"))
        .isEqualTo(1);
  }

  @Test
  void checkOnly_answersTheDiff_andStoresNothing() throws Exception {
    long versions = count("select count(*) from policy_version");
    String text = bundledWith("2019-10", "2026-check-only").replace("period: P6Y", "period: P5Y");

    HttpResponse<String> response = post(publisher, upload(text, true));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = Json.mapper().readTree(response.body());
    assertThat(body.get("published").asBoolean()).isFalse();
    assertThat(body.get("version").asText()).isEqualTo("2026-check-only");
    assertThat(body.get("changes").toString()).contains("relationship-plus-six-years");
    assertThat(body.get("warnings")).isNotEmpty();
    assertThat(count("select count(*) from policy_version")).isEqualTo(versions);
  }

  @Test
  void invalidPolicy_isRefusedWithEveryLocatedProblem_andNothingIsStored() throws Exception {
    long versions = count("select count(*) from policy_version");
    String text =
        bundledWith("2019-10", "2026-broken").replace("effective_date:", "efective_date:");

    HttpResponse<String> response = post(publisher, upload(text, false));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode body = Json.mapper().readTree(response.body());
    assertThat(body.get("type").asText()).isEqualTo("urn:steward:problem:invalid-policy");
    assertThat(body.get("errors").get(0).get("field").asText()).matches("policy\\.yaml:\\d+:\\d+");
    assertThat(body.get("errors").toString()).contains("efective_date");
    assertThat(count("select count(*) from policy_version")).isEqualTo(versions);
  }

  @Test
  void publish_withATokenThatMayOnlyRead_isForbidden_andNothingIsStored() {
    long versions = count("select count(*) from policy_version");

    // A small body: the route refuses before reading it, and a large unread body may make the
    // server close the connection while the client is still sending.
    HttpResponse<String> response = post(reader, upload("version: \"2026-not-allowed\"\n", false));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(count("select count(*) from policy_version")).isEqualTo(versions);
  }

  @Test
  void publish_withoutText_isRefusedAsInvalidInput() {
    HttpResponse<String> response = post(publisher, "{\"file\":\"policy.yaml\"}");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("'text'");
  }

  private static String bundledWith(String version, String newVersion) {
    return PolicyChecker.bundledText()
        .replace("version: \"" + version + "\"", "version: \"" + newVersion + "\"");
  }

  private static String upload(String text, boolean checkOnly) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("file", "policy.yaml");
    node.put("text", text);
    node.put("checkOnly", checkOnly);
    return node.toString();
  }

  private static HttpResponse<String> post(String token, String body) {
    return running.json("POST", PATH, token, body);
  }

  private static long count(String sql) {
    return running.node().database().jdbi().withHandle(h -> h.select(sql).mapTo(Long.class).one());
  }
}
