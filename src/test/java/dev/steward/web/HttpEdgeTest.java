package dev.steward.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.app.TestNodes;
import dev.steward.store.Engine;
import dev.steward.vault.LogCapture;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpEdgeTest {
  private static TestNodes.Running running;
  private static String metricsToken;

  @BeforeAll
  static void start() {
    running = TestNodes.start(TestNodes.config(Engine.H2, TestNodes.http()));
    metricsToken = running.adminToken("metrics:read", "api:describe");
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void health_onAFreshNode_isUpWithTheDatabase() throws Exception {
    HttpResponse<String> response = running.get("/health");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Json.mapper().readTree(response.body());
    assertThat(body.get("status").asText()).isEqualTo("up");
    assertThat(body.get("database").asText()).isEqualTo("up");
  }

  @Test
  void unknownRoute_isA404ProblemWithTheStableType() throws Exception {
    HttpResponse<String> response = running.get("/no/such/thing");
    assertProblem(response, 404, "not-found");
  }

  @Test
  void protectedRoute_withoutToken_isA401Problem() throws Exception {
    HttpResponse<String> response = running.get("/metrics");
    assertProblem(response, 401, "unauthenticated");
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void protectedRoute_withAnUnknownToken_isA401Problem() throws Exception {
    HttpResponse<String> response =
        running.send(
            HttpRequest.newBuilder(running.uri("/metrics"))
                .header("Authorization", "Bearer stw_not-a-real-token")
                .GET());
    assertProblem(response, 401, "unauthenticated");
  }

  @Test
  void head_onAProtectedGetRouteWithoutToken_isA401LikeGet() {
    HttpResponse<String> response = head("/metrics", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith(Problems.MEDIA_TYPE);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(response.body()).isEmpty();
  }

  @Test
  void head_onAProtectedGetRouteWithAnUnknownOrUnscopedToken_isRefusedLikeGet() {
    assertThat(head("/metrics", "stw_not-a-real-token").statusCode()).isEqualTo(401);
    assertThat(running.get("/api/v1/tokens", metricsToken).statusCode()).isEqualTo(403);
    assertThat(head("/api/v1/tokens", metricsToken).statusCode()).isEqualTo(403);
  }

  @Test
  void head_withAValidToken_answersAsGetWithoutTheBody() {
    HttpResponse<String> get = running.get("/api/openapi.json", metricsToken);
    HttpResponse<String> head = head("/api/openapi.json", metricsToken);

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isNotEmpty();
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type"))
        .isEqualTo(get.headers().firstValue("Content-Type"));
    assertThat(head.body()).isEmpty();
  }

  @Test
  void head_onAPublicGetRoute_answersAsGetWithoutTheBody() {
    HttpResponse<String> head = head("/health", null);

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(head.body()).isEmpty();
  }

  @Test
  void duplicateKey_inABody_isA422NamingTheKeyAndStoresNothing() throws Exception {
    long before = requestRows();

    HttpResponse<String> response =
        intake(
            "{\"type\":\"access\",\"type\":\"erasure\",\"residence\":\"GB\","
                + "\"identity\":{\"email\":\"dup@example.org\"}}");

    assertProblem(response, 422, "invalid-input");
    assertThat(Json.mapper().readTree(response.body()).get("errors").get(0).get("field").asText())
        .isEqualTo("type");
    assertThat(response.body()).doesNotContain("erasure").doesNotContain("dup@");
    assertThat(requestRows()).isEqualTo(before);
  }

  @Test
  void duplicateKey_inANestedObject_isNamedByItsPath() throws Exception {
    HttpResponse<String> response =
        intake(
            "{\"type\":\"access\",\"residence\":\"GB\",\"identity\":"
                + "{\"email\":\"a@example.org\",\"email\":\"b@example.org\"}}");

    assertProblem(response, 422, "invalid-input");
    assertThat(Json.mapper().readTree(response.body()).get("errors").get(0).get("field").asText())
        .isEqualTo("identity.email");
  }

  @Test
  void head_onAGetThatChangesState_isA405WithoutRunningIt() {
    String link = "/api/v1/access-packages/" + java.util.UUID.randomUUID() + "?subject=x&sig=y";

    HttpResponse<String> head = head(link, null);

    assertThat(head.statusCode()).isEqualTo(405);
    assertThat(head.headers().firstValue("Allow")).contains("GET");
    assertThat(running.get(link).statusCode()).as("GET runs the handler").isEqualTo(403);
  }

  @Test
  void numberOfAThousandDigits_isA400ProblemLoggedWithoutAStackTrace() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      HttpResponse<String> response = intake("{\"type\":" + "9".repeat(1_001) + "}");

      assertProblem(response, 400, "bad-request");
      assertThat(logs.text())
          .doesNotContain("unexpected failure")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void numberInAnUnknownFieldOrNestedDeep_isA4xxProblem() throws Exception {
    assertThat(intake("{\"nope\":" + "1".repeat(5_000) + "}").statusCode()).isBetween(400, 422);
    assertThat(intake("{\"type\":\"access\",\"residence\":" + "[".repeat(5_000)).statusCode())
        .isBetween(400, 422);
    assertThat(intake("[".repeat(5_000) + "]".repeat(5_000)).statusCode()).isBetween(400, 422);
  }

  @Test
  void wrongMethod_isA405Problem() throws Exception {
    HttpResponse<String> response =
        running.send(HttpRequest.newBuilder(running.uri("/health")).DELETE());
    assertThat(response.statusCode()).isIn(404, 405);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith(Problems.MEDIA_TYPE);
  }

  @Test
  void bodyOverTheLimit_isA413ProblemBeforeAnyHandlerRuns() throws Exception {
    String big = "x".repeat(20_000);
    HttpResponse<String> response =
        running.send(
            HttpRequest.newBuilder(running.uri("/health"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big)));
    assertProblem(response, 413, "payload-too-large");
  }

  @Test
  void everyResponse_carriesTheSecurityHeaders() {
    for (String path : new String[] {"/health", "/missing", "/metrics"}) {
      HttpResponse<String> response = running.get(path);
      assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("frame-ancestors 'none'")
          .contains("script-src 'self'")
          .doesNotContain("unsafe-inline");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
      assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy"))
          .contains("same-origin");
      assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
      assertThat(response.headers().allValues("Content-Security-Policy")).hasSize(1);
    }
  }

  @Test
  void problems_neverCarryAStackTrace() {
    HttpResponse<String> response = running.get("/no/such/thing");
    assertThat(response.body()).doesNotContain("at dev.").doesNotContain("Exception");
  }

  @Test
  void metrics_afterCallsToTwoRoutes_labelEachSeriesWithItsRouteTemplate() {
    running.get("/health");
    running.get("/api/openapi.json", metricsToken);

    String metrics = running.get("/metrics", metricsToken).body();

    assertThat(metrics)
        .contains("route=\"/health\"")
        .contains("route=\"/api/openapi.json\"")
        .doesNotContain("route=\"*\"");
  }

  private static HttpResponse<String> intake(String json) {
    return running.json("POST", "/api/v1/public/requests", null, json);
  }

  private static long requestRows() {
    return running
        .node()
        .database()
        .jdbi()
        .withHandle(
            handle ->
                handle.createQuery("select count(*) from rights_request").mapTo(Long.class).one());
  }

  private static HttpResponse<String> head(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(running.uri(path))
            .method("HEAD", HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return running.send(request);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String kind)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith(Problems.MEDIA_TYPE);
    JsonNode body = Json.mapper().readTree(response.body());
    assertThat(body.get("type").asText()).isEqualTo("urn:steward:problem:" + kind);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("title").asText()).isNotBlank();
    assertThat(body.get("detail").asText()).isNotBlank();
  }
}
