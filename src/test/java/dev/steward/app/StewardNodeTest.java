package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.config.StewardConfig;
import dev.steward.store.Engine;
import dev.steward.web.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A node's whole life on each engine: first start, an admin's first steps, a restart. */
class StewardNodeTest {
  private static final Pattern PASSWORD = Pattern.compile("One-time password[^:]*: (\\S+)");

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void restart_onTheSameStore_keepsUsersTokensAuditAndPolicy(Engine engine) throws Exception {
    StewardConfig config = TestNodes.config(engine, TestNodes.http());
    String token;
    long entriesBefore;
    try (TestNodes.Running first = TestNodes.start(config)) {
      Matcher printed = PASSWORD.matcher(first.consoleText());
      assertThat(printed.find()).as("first start prints the admin password").isTrue();
      String oneTime = printed.group(1);
      assertThat(PASSWORD.matcher(first.consoleText()).results().count()).isEqualTo(1);

      String session = signIn(first, "admin", oneTime);
      HttpResponse<String> changed =
          first.send(
              post(first, "/api/v1/auth/password", session)
                  .POST(
                      body(
                          "{\"currentPassword\":\""
                              + oneTime
                              + "\",\"newPassword\":\"a long new passphrase 42\"}")));
      assertThat(changed.statusCode()).isEqualTo(204);
      String admin = signIn(first, "admin", "a long new passphrase 42");
      HttpResponse<String> created =
          first.send(
              post(first, "/api/v1/tokens", admin)
                  .POST(
                      body(
                          "{\"name\":\"auditor-script\",\"scopes\":[\"audit:read\",\"policy:read\"],\"expiresInDays\":30}")));
      assertThat(created.statusCode()).isIn(200, 201);
      token = Json.mapper().readTree(created.body()).get("secret").asText();
      entriesBefore = verify(first, token).get("entries").asLong();
      assertThat(entriesBefore).isGreaterThan(3);
    }

    try (TestNodes.Running second = TestNodes.start(config)) {
      assertThat(second.consoleText()).doesNotContain("One-time password");
      JsonNode verification = verify(second, token);
      assertThat(verification.get("ok").asBoolean()).isTrue();
      assertThat(verification.get("entries").asLong()).isGreaterThan(entriesBefore);
      assertThat(signIn(second, "admin", "a long new passphrase 42")).isNotBlank();
      HttpResponse<String> policy = second.send(get(second, "/api/v1/policy/versions", token));
      assertThat(policy.statusCode()).isEqualTo(200);
      assertThat(Json.mapper().readTree(policy.body()).get("versions"))
          .as(policy.body())
          .hasSize(1);
    }
  }

  private static JsonNode verify(TestNodes.Running node, String token) throws Exception {
    HttpResponse<String> response =
        node.send(
            post(node, "/api/v1/audit/verify", token).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  private static String signIn(TestNodes.Running node, String user, String password)
      throws Exception {
    HttpResponse<String> response =
        node.send(
            HttpRequest.newBuilder(node.uri("/api/v1/auth/sign-in"))
                .header("Content-Type", "application/json")
                .POST(body("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body()).get("token").asText();
  }

  private static HttpRequest.Builder post(TestNodes.Running node, String path, String token) {
    return HttpRequest.newBuilder(node.uri(path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
  }

  private static HttpRequest.Builder get(TestNodes.Running node, String path, String token) {
    return HttpRequest.newBuilder(node.uri(path)).header("Authorization", "Bearer " + token).GET();
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json);
  }
}
