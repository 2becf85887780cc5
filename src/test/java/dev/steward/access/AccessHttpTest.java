package dev.steward.access;

import static dev.steward.access.AccessFixture.CLI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.principal.ClientKind;
import dev.steward.principal.Permission;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.HttpServer;
import dev.steward.web.HttpSettings;
import dev.steward.web.Json;
import dev.steward.web.RouteRegistry;
import dev.steward.web.SystemRoutes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The access routes served over real HTTP, on the embedded store. */
class AccessHttpTest {
  private static final String PASSWORD = "a long password 1";
  private final HttpClient client = HttpClient.newHttpClient();
  private AccessFixture f;
  private HttpServer server;

  @BeforeEach
  void start() {
    f = new AccessFixture(Engine.H2);
    RouteRegistry registry = new RouteRegistry();
    new AccessRoutes(f.users, f.clients, f.tokens, f.signIn).addTo(registry);
    new SystemRoutes(() -> true, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "test")
        .addTo(registry);
    registry.add(
        ApiRoute.get("/api/v1/test/audit")
            .access(Access.requires(Permission.AUDIT_READ))
            .summary("An audit-read route standing in for the audit feature's")
            .handle((ctx, caller) -> ctx.json(Map.of("ok", true))));
    HttpSettings settings = new HttpSettings("127.0.0.1", 0, 65_536, 600, 600, List.of());
    server =
        new HttpServer(settings, registry, f.authenticator, new SimpleMeterRegistry(), f.clock)
            .start();
  }

  @AfterEach
  void stop() {
    server.stop();
    f.close();
  }

  @Test
  void protectedRoute_withoutToken_is401ProblemJson() throws Exception {
    HttpResponse<String> response = call("GET", "/api/v1/users", null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).get("type").asText())
        .isEqualTo("urn:steward:problem:unauthenticated");
  }

  @Test
  void auditRoute_tokenWithoutAuditRead_is403AndWithItIs200() throws Exception {
    StaffUser olga = f.user("olga", Role.AUDITOR, PASSWORD);
    TokenOwner owner = TokenOwner.staff(olga.id());
    String narrow =
        f.tokens.create(CLI, owner, "n", List.of("policy:read"), Duration.ofDays(1)).secret();
    String wide =
        f.tokens.create(CLI, owner, "w", List.of("audit:read"), Duration.ofDays(1)).secret();

    assertThat(call("GET", "/api/v1/test/audit", narrow, null).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/api/v1/test/audit", wide, null).statusCode()).isEqualTo(200);
  }

  @Test
  void signIn_thenCallWithTheSession_thenSignOut_revokesIt() throws Exception {
    f.user("olga", Role.AUDITOR, PASSWORD);

    HttpResponse<String> signedIn =
        call(
            "POST", "/api/v1/auth/sign-in", null, Map.of("username", "olga", "password", PASSWORD));
    String session = json(signedIn).get("token").asText();

    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/test/audit", session, null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/tokens", session, null).body()).contains("\"session\"");
    assertThat(call("POST", "/api/v1/auth/sign-out", session, null).statusCode()).isEqualTo(204);
    assertThat(call("GET", "/api/v1/test/audit", session, null).statusCode()).isEqualTo(401);
  }

  @Test
  void signIn_unknownAndKnownUser_getTheSameAnswer_andALockedNameGets429() throws Exception {
    f.user("olga", Role.AUDITOR, PASSWORD);

    HttpResponse<String> known =
        call("POST", "/api/v1/auth/sign-in", null, Map.of("username", "olga", "password", "nope"));
    HttpResponse<String> unknown =
        call("POST", "/api/v1/auth/sign-in", null, Map.of("username", "ghost", "password", "nope"));

    assertThat(known.statusCode()).isEqualTo(401).isEqualTo(unknown.statusCode());
    assertThat(known.body()).isEqualTo(unknown.body());
    for (int i = 0; i < 9; i++) {
      call("POST", "/api/v1/auth/sign-in", null, Map.of("username", "ghost", "password", "x"));
      f.clock.advance(Duration.ofSeconds(60));
    }
    HttpResponse<String> locked =
        call("POST", "/api/v1/auth/sign-in", null, Map.of("username", "ghost", "password", "x"));
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void users_adminAddsAUser_andTheAgentMayNotListUsers() throws Exception {
    f.user("root", Role.ADMIN, PASSWORD);
    String admin = signIn("root");

    HttpResponse<String> created =
        call("POST", "/api/v1/users", admin, Map.of("username", "ada", "role", "agent"));
    String oneTime = json(created).get("oneTimePassword").asText();
    f.users.changePassword(CLI, f.users.findByUsername("ada").orElseThrow().id(), PASSWORD);
    String agent = signIn("ada");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(oneTime).hasSize(20);
    assertThat(call("GET", "/api/v1/users", admin, null).body()).contains("\"ada\"");
    assertThat(call("GET", "/api/v1/users", agent, null).statusCode()).isEqualTo(403);
  }

  @Test
  void tokens_createOwnListAndRevoke_andClientTokensNeedClientsManage() throws Exception {
    f.user("dana", Role.DPO, PASSWORD);
    String dpo = signIn("dana");
    ClientAccount crm = f.clients.add(CLI, "crm", ClientKind.INTEGRATION);

    HttpResponse<String> created =
        call(
            "POST",
            "/api/v1/tokens",
            dpo,
            Map.of("name", "ci", "scopes", List.of("policy:read"), "expiresInDays", 30));
    String id = json(created).get("token").get("id").asText();
    HttpResponse<String> forClient =
        call(
            "POST",
            "/api/v1/tokens",
            dpo,
            Map.of(
                "name",
                "x",
                "scopes",
                List.of("policy:read"),
                "expiresInDays",
                30,
                "clientId",
                crm.id().toString()));
    HttpResponse<String> unknownScope =
        call(
            "POST",
            "/api/v1/tokens",
            dpo,
            Map.of("name", "x", "scopes", List.of("root:all"), "expiresInDays", 30));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).get("secret").asText()).startsWith("stw_");
    assertThat(call("GET", "/api/v1/tokens", dpo, null).body()).doesNotContain("stw_");
    assertThat(call("DELETE", "/api/v1/tokens/" + id, dpo, null).statusCode()).isEqualTo(200);
    assertThat(forClient.statusCode()).isEqualTo(403);
    assertThat(unknownScope.statusCode()).isEqualTo(422);
    assertThat(unknownScope.body()).contains("valid scopes are");
  }

  @Test
  void openApi_describesEveryAccessRouteWithItsAccess() throws Exception {
    f.user("root", Role.ADMIN, PASSWORD);

    JsonNode paths = json(call("GET", "/api/openapi.json", signIn("root"), null)).get("paths");

    assertThat(paths.get("/api/v1/auth/sign-in").get("post").get("x-steward-public").asText())
        .isEqualTo("sign_in");
    assertThat(paths.get("/api/v1/tokens/{id}").get("delete").get("x-steward-permission").asText())
        .isEqualTo("tokens:manage");
    assertThat(paths.get("/api/v1/users").get("post").toString()).contains("NewUserRequest");
  }

  private String signIn(String username) throws Exception {
    HttpResponse<String> response =
        call(
            "POST",
            "/api/v1/auth/sign-in",
            null,
            Map.of("username", username, "password", PASSWORD));
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response).get("token").asText();
  }

  private HttpResponse<String> call(String method, String path, String token, Object body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }
}
