package dev.steward.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.principal.Principal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /ready over real HTTP: 200 only while the store, the keyring and the policy are all ready. */
class ReadinessTest {
  private final AtomicBoolean store = new AtomicBoolean(true);
  private final AtomicBoolean keyring = new AtomicBoolean(true);
  private final AtomicBoolean policy = new AtomicBoolean(true);
  private HttpServer server;

  @BeforeEach
  void start() {
    RouteRegistry registry = new RouteRegistry();
    new SystemRoutes(
            store::get,
            keyring::get,
            policy::get,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            "test")
        .addTo(registry);
    server =
        new HttpServer(
                new HttpSettings("127.0.0.1", 0, 16_384, 600, 600, List.of()),
                registry,
                authorization -> new Principal.Anonymous(),
                new SimpleMeterRegistry(),
                Clock.systemUTC())
            .start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void ready_whenAllPartsAreUp_is200() throws Exception {
    HttpResponse<String> response = get("/ready");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(response.body()).get("status").asText()).isEqualTo("up");
  }

  @Test
  void ready_whenAnyPartIsDown_is503NamingIt() throws Exception {
    for (AtomicBoolean part : List.of(store, keyring, policy)) {
      part.set(false);
      HttpResponse<String> response = get("/ready");
      JsonNode body = Json.mapper().readTree(response.body());

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(body.get("status").asText()).isEqualTo("down");
      part.set(true);
    }
    keyring.set(false);
    assertThat(Json.mapper().readTree(get("/ready").body()).get("keyring").asText())
        .isEqualTo("down");
  }

  @Test
  void health_staysUpWhileTheKeyringOrPolicyIsNot() {
    keyring.set(false);
    policy.set(false);

    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
