package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static dev.steward.request.RequestWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.steward.config.ConfigResolver;
import dev.steward.store.Engine;
import dev.steward.web.Webhook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A content removal reaches the purge webhook configured in steward.yaml, and the delivery network
 * (a local HTTP server) can check the call's HMAC signature with the shared secret, on both
 * engines.
 */
class PurgeWebhookTest {
  private static final String SECRET = "the network's shared purge secret";

  record Call(String timestamp, String signature, byte[] body) {}

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void contentRemoval_callsTheConfiguredWebhook_signedWithTheSharedSecret(Engine engine)
      throws Exception {
    List<Call> calls = new CopyOnWriteArrayList<>();
    HttpServer network = network(calls);
    Webhook configured = fromStewardYaml(network.getAddress().getPort());
    try (RequestWorld world =
        RequestWorld.start(
            engine,
            instant("2026-06-01T09:00", "UTC"),
            config -> config.withPurgeWebhook(configured))) {
      String filed =
          RequestWorld.reference(
              world.post(
                  "/api/v1/content-removals",
                  world.customer,
                  "{\"email\":\"noc@media.example\",\"details\":\"remove the trailer\"}"));
      UUID id = world.idOf(filed);
      assertThat(
              world
                  .post(
                      "/api/v1/requests/" + id + "/instructions",
                      world.dpo,
                      "{\"contentUrls\":[\"https://cdn.media.example/trailer.mp4\"]}")
                  .statusCode())
          .isEqualTo(204);
      assertThat(json(world.act(id, "start", null)).get("state").asText())
          .isEqualTo("awaiting_systems");
      RequestWorld.eventually("the request completes", () -> world.state(id).equals("completed"));

      assertThat(calls).hasSize(1);
      Call call = calls.get(0);
      assertThat(new String(call.body(), StandardCharsets.UTF_8)).contains("trailer.mp4");
      assertThat(Long.parseLong(call.timestamp()))
          .isEqualTo(world.clock.instant().getEpochSecond());
      byte[] expected = hmac(SECRET, call.timestamp() + ".", call.body());
      assertThat(call.signature())
          .as("v1=HMAC-SHA256(secret, timestamp.body)")
          .isEqualTo("v1=" + hex(expected));
      assertThat(hex(hmac("another secret entirely", call.timestamp() + ".", call.body())))
          .isNotEqualTo(call.signature().substring(3));
    } finally {
      network.stop(0);
    }
  }

  /** The webhook as the resolver reads it from steward.yaml, the secret from its own file. */
  private static Webhook fromStewardYaml(int port) throws IOException {
    Path dataDir = Files.createTempDirectory("steward-config-");
    Path secret = Files.writeString(dataDir.resolve("purge.secret"), SECRET);
    Files.writeString(
        dataDir.resolve(ConfigResolver.CONFIG_FILE),
        "purge-webhook-url: http://127.0.0.1:%d/purge\npurge-webhook-secret-file: %s\n"
                .formatted(port, secret)
            + "purge-webhook-timeout-seconds: 5\n");
    return new ConfigResolver(Map.of())
        .resolve(new ConfigResolver.Flags(dataDir, null, null, null, null))
        .purgeWebhook()
        .orElseThrow();
  }

  private static HttpServer network(List<Call> calls) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/purge",
          exchange -> {
            calls.add(
                new Call(
                    exchange.getRequestHeaders().getFirst(Webhook.TIMESTAMP),
                    exchange.getRequestHeaders().getFirst(Webhook.SIGNATURE),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] hmac(String secret, String prefix, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update(prefix.getBytes(StandardCharsets.US_ASCII));
    return mac.doFinal(body);
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }
}
