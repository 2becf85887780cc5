package dev.steward.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.TestNodes;
import dev.steward.store.Engine;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes over real HTTP, called from 127.0.0.1: one trusts that address as its reverse proxy,
 * the other trusts only 10.0.0.0/8. The public rate limit (two calls at once, one a minute) shows
 * which address a node took as the client's; the language cookie shows the scheme.
 */
class TrustedProxyHttpTest {
  private static TestNodes.Running behindProxy;
  private static TestNodes.Running exposed;

  @BeforeAll
  static void start() {
    HttpSettings tight = new HttpSettings("127.0.0.1", 0, 16_384, 1, 2, List.of());
    behindProxy =
        TestNodes.start(
            TestNodes.config(
                Engine.H2, tight.behind(TrustedProxies.of(List.of("127.0.0.1", "::1")))));
    exposed =
        TestNodes.start(
            TestNodes.config(Engine.H2, tight.behind(TrustedProxies.of(List.of("10.0.0.0/8")))));
  }

  @AfterAll
  static void stop() {
    behindProxy.close();
    exposed.close();
  }

  private static int health(TestNodes.Running node, String header, String value) {
    HttpRequest.Builder request = HttpRequest.newBuilder(node.uri("/health")).GET();
    if (header != null) {
      request.header(header, value);
    }
    return node.send(request).statusCode();
  }

  @Test
  void xForwardedFor_fromATrustedProxy_givesEachClientItsOwnRateLimit() {
    for (int client = 1; client <= 5; client++) {
      assertThat(health(behindProxy, "X-Forwarded-For", "203.0.113." + client)).isEqualTo(200);
    }
    // One client past its burst is refused; another behind the same proxy is not.
    assertThat(health(behindProxy, "X-Forwarded-For", "198.51.100.7")).isEqualTo(200);
    assertThat(health(behindProxy, "X-Forwarded-For", "198.51.100.7")).isEqualTo(200);
    assertThat(health(behindProxy, "X-Forwarded-For", "198.51.100.7")).isEqualTo(429);
    assertThat(health(behindProxy, "X-Forwarded-For", "198.51.100.8")).isEqualTo(200);
  }

  @Test
  void forwarded_fromATrustedProxy_givesEachClientItsOwnRateLimit() {
    for (int client = 1; client <= 5; client++) {
      assertThat(health(behindProxy, "Forwarded", "for=192.0.2." + client + ";proto=https"))
          .isEqualTo(200);
    }
  }

  @Test
  void forwardingHeaders_fromAPeerNotTrusted_areIgnored() {
    int refused = 0;
    for (int client = 1; client <= 5; client++) {
      String value = "203.0.113." + client;
      if (health(exposed, "X-Forwarded-For", value) == 429) {
        refused++;
      }
      if (health(exposed, "Forwarded", "for=" + value) == 429) {
        refused++;
      }
    }
    // Every call counted against 127.0.0.1, whatever it claimed: all but the burst are refused.
    assertThat(refused).isGreaterThanOrEqualTo(8);
  }

  @Test
  void forwardedProto_https_fromATrustedProxy_makesCookiesSecure() {
    HttpResponse<String> response =
        behindProxy.send(
            HttpRequest.newBuilder(behindProxy.uri("/?lang=zh-CN"))
                .header("Accept", "text/html")
                .header("X-Forwarded-For", "203.0.113.200")
                .header("X-Forwarded-Proto", "https")
                .GET());

    assertThat(response.headers().allValues("Set-Cookie"))
        .anySatisfy(cookie -> assertThat(cookie).contains("Secure"));
  }

  @Test
  void forwardedProto_https_fromAPeerNotTrusted_leavesCookiesPlain() {
    HttpResponse<String> response =
        exposed.send(
            HttpRequest.newBuilder(exposed.uri("/?lang=zh-CN"))
                .header("Accept", "text/html")
                .header("Forwarded", "for=203.0.113.201;proto=https")
                .GET());

    assertThat(response.headers().allValues("Set-Cookie"))
        .isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
  }
}
