package dev.steward.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.steward.config.ConfigResolver;
import dev.steward.error.StewardException;
import dev.steward.web.Json;
import dev.steward.web.Webhook;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSmsSenderTest {
  private static final String SECRET = "an sms gateway secret";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC);

  private record Call(byte[] body, String timestamp, String signature) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger answer = new AtomicInteger(200);
  private HttpServer gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext(
        "/sms",
        exchange -> {
          calls.add(
              new Call(
                  exchange.getRequestBody().readAllBytes(),
                  exchange.getRequestHeaders().getFirst(Webhook.TIMESTAMP),
                  exchange.getRequestHeaders().getFirst(Webhook.SIGNATURE)));
          exchange.sendResponseHeaders(answer.get(), -1);
          exchange.close();
        });
    gateway.start();
  }

  @AfterEach
  void stop() {
    gateway.stop(0);
  }

  private Webhook configured() throws Exception {
    Path dataDir = Files.createTempDirectory("steward-config-");
    Files.writeString(
        dataDir.resolve(ConfigResolver.CONFIG_FILE),
        "sms-webhook-url: http://127.0.0.1:%d/sms\n".formatted(gateway.getAddress().getPort()));
    return new ConfigResolver(Map.of("STEWARD_SMS_WEBHOOK_SECRET", SECRET))
        .resolve(new ConfigResolver.Flags(dataDir, null, null, null, null))
        .smsWebhook()
        .orElseThrow();
  }

  @Test
  void send_postsTheNumberAndText_signedWithTheSharedSecret() throws Exception {
    Webhook webhook = configured();

    new WebhookSmsSender(webhook, CLOCK).send("+85251234567", "R-AAAA-BBBB: 123456");

    assertThat(calls).hasSize(1);
    Call call = calls.get(0);
    JsonNode body = Json.mapper().readTree(call.body());
    assertThat(body.get("to").asText()).isEqualTo("+85251234567");
    assertThat(body.get("text").asText()).isEqualTo("R-AAAA-BBBB: 123456");
    assertThat(call.timestamp()).isEqualTo(Long.toString(CLOCK.instant().getEpochSecond()));
    assertThat(call.signature())
        .isEqualTo(webhook.signature(CLOCK.instant().getEpochSecond(), call.body()));
    assertThat(
            new Webhook(
                    "sms-webhook", webhook.url(), "another secret entirely", Duration.ofSeconds(5))
                .signature(CLOCK.instant().getEpochSecond(), call.body()))
        .isNotEqualTo(call.signature());
  }

  @Test
  void gatewayRefusing_isA503ThatNamesNeitherNumberNorText() throws Exception {
    answer.set(500);

    assertThatThrownBy(
            () -> new WebhookSmsSender(configured(), CLOCK).send("+85251234567", "code 123456"))
        .isInstanceOf(StewardException.class)
        .hasMessageContaining("answered 500")
        .hasMessageNotContaining("+852")
        .hasMessageNotContaining("123456")
        .satisfies(e -> assertThat(((StewardException) e).httpStatus()).isEqualTo(503));
  }

  @Test
  void unreachableGateway_isA503() {
    Webhook nowhere =
        new Webhook(
            "sms-webhook", URI.create("http://127.0.0.1:1/sms"), SECRET, Duration.ofSeconds(2));

    assertThatThrownBy(() -> new WebhookSmsSender(nowhere, CLOCK).send("+85251234567", "x"))
        .isInstanceOf(StewardException.class)
        .hasMessageContaining("could not be reached");
  }
}
