package dev.steward.banner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.app.TestNodes;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.Party;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicySnapshot;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.web.HttpSettings;
import dev.steward.web.Json;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cookie banner's API on a real node, on H2 and PostgreSQL, with the bundled policy (analytics
 * and advertising cookies): a choice lands in the consent ledger and reads back, a new notice
 * revision asks again, GPC turns the advertising (sharing) category off and is recorded as such,
 * and hostile input or a foreign origin is a problem that stores nothing.
 */
class BannerApiTest {
  static final String SITE = "https://www.example.com";
  private static final Principal SYSTEM = new Principal.System("test");
  private static final String DEVICE = "banner-device-0123456789";

  static TestNodes.Running start(Engine engine) {
    return TestNodes.start(
        TestNodes.config(
            engine, new HttpSettings("127.0.0.1", 0, 16_384, 600, 600, List.of(SITE))));
  }

  static HttpResponse<String> choose(
      TestNodes.Running node, String origin, String body, boolean gpc) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(node.uri("/api/v1/banner/choices"))
            .header("Content-Type", "application/json")
            .header("Origin", origin)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (gpc) {
      request.header("Sec-GPC", "1");
    }
    return node.send(request);
  }

  static String body(String device, String revision, boolean analytics, boolean advertising) {
    return "{\"device\":\""
        + device
        + "\",\"revision\":\""
        + revision
        + "\",\"choices\":{\"analytics\":"
        + analytics
        + ",\"advertising\":"
        + advertising
        + "}}";
  }

  static JsonNode config(TestNodes.Running node, String device, String lang) throws IOException {
    HttpResponse<String> answer =
        node.send(
            HttpRequest.newBuilder(node.uri("/api/v1/banner?device=" + device + "&lang=" + lang))
                .header("Origin", SITE));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains(SITE);
    return Json.mapper().readTree(answer.body());
  }

  private static List<ConsentEvent> ledger(TestNodes.Running node, String device) {
    return node.node().consent().ledger().history(SYSTEM, Party.device(device, "device"));
  }

  @Test
  void theScript_isServedAsJavaScript_under15Kb_andReachesNoOtherHost() {
    try (TestNodes.Running node = start(Engine.H2)) {
      HttpResponse<String> script = node.get("/consent.js");
      assertThat(script.statusCode()).isEqualTo(200);
      assertThat(script.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
      assertThat(script.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(15 * 1024);
      // Every call goes to the origin the script came from; it names no host of its own.
      assertThat(script.body()).doesNotContain("://").contains("new URL(me.src");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void aChoice_isKeptInTheLedger_readsBack_andANewRevisionAsksAgain(Engine engine)
      throws IOException {
    try (TestNodes.Running node = start(engine)) {
      JsonNode fresh = config(node, DEVICE, "en");
      String revision = fresh.get("revision").asText();
      assertThat(fresh.get("choice").isNull()).isTrue();
      assertThat(fresh.at("/categories").findValuesAsText("id"))
          .containsExactly("analytics", "advertising");
      assertThat(fresh.at("/categories/1/saleOrSharing").asBoolean()).isTrue();
      assertThat(fresh.at("/texts/acceptAll").asText()).isEqualTo("Accept all");
      assertThat(config(node, DEVICE, "zh-CN").at("/texts/acceptAll").asText()).isEqualTo("全部接受");

      HttpResponse<String> saved = choose(node, SITE, body(DEVICE, revision, true, false), false);
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
      JsonNode choice = config(node, DEVICE, "en").get("choice");
      assertThat(choice.at("/choices/analytics").asBoolean()).isTrue();
      assertThat(choice.at("/choices/advertising").asBoolean()).isFalse();
      assertThat(choice.get("gpc")).isEmpty();

      List<ConsentEvent> events = ledger(node, DEVICE);
      assertThat(events)
          .extracting(e -> e.purposes().get(0) + " " + e.kind().code() + " " + e.method())
          .containsExactlyInAnyOrder(
              "cookies:analytics given banner", "cookies:advertising refused banner");
      assertThat(events).allSatisfy(e -> assertThat(e.noticeVersion()).isEqualTo(revision));
      assertThat(events)
          .allSatisfy(e -> assertThat(e.evidence()).isEqualTo("choice;origin=" + SITE));

      // The same choice again adds nothing; a change withdraws what was given.
      choose(node, SITE, body(DEVICE, revision, true, false), false);
      assertThat(ledger(node, DEVICE)).hasSize(2);
      choose(node, SITE, body(DEVICE, revision, false, false), false);
      assertThat(ledger(node, DEVICE))
          .extracting(e -> e.kind().code())
          .containsExactlyInAnyOrder("given", "refused", "withdrawn");

      node.node()
          .policies()
          .publish(
              PolicySnapshot.ofText(
                  PolicyChecker.BUNDLED_RESOURCE,
                  PolicyChecker.bundledText()
                      .replaceFirst("(?m)^version: .*$", "version: \"2019-11\"")),
              SYSTEM);
      JsonNode renewed = config(node, DEVICE, "en");
      assertThat(renewed.get("revision").asText()).isEqualTo("2019-11");
      assertThat(renewed.get("choice").isNull()).isTrue();
      HttpResponse<String> stale = choose(node, SITE, body(DEVICE, revision, true, true), false);
      assertThat(stale.statusCode()).isEqualTo(409);
      assertThat(stale.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(ledger(node, DEVICE)).hasSize(3);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void gpc_turnsTheSharingCategoryOff_andIsRecordedAsGpc_whileWithoutItTheClickCounts(Engine engine)
      throws IOException {
    try (TestNodes.Running node = start(engine)) {
      String revision = config(node, DEVICE, "en").get("revision").asText();
      String other = DEVICE + "-nogpc";

      HttpResponse<String> withGpc = choose(node, SITE, body(DEVICE, revision, true, true), true);
      assertThat(withGpc.statusCode()).as(withGpc.body()).isEqualTo(201);
      JsonNode choice = Json.mapper().readTree(withGpc.body());
      assertThat(choice.at("/choices/analytics").asBoolean()).isTrue();
      assertThat(choice.at("/choices/advertising").asBoolean()).isFalse();
      assertThat(choice.get("gpc").toString()).isEqualTo("[\"advertising\"]");
      assertThat(ledger(node, DEVICE))
          .filteredOn(e -> e.purposes().contains("cookies:advertising"))
          .singleElement()
          .satisfies(e -> assertThat(e.evidence()).startsWith("gpc;"));
      assertThat(node.get("/api/v1/opt-outs/devices/" + DEVICE).body())
          .contains("\"sale_sharing\":\"gpc\"");
      assertThat(config(node, DEVICE, "en").get("gpcHonoured").isNull()).isFalse();

      HttpResponse<String> without = choose(node, SITE, body(other, revision, true, true), false);
      assertThat(Json.mapper().readTree(without.body()).at("/choices/advertising").asBoolean())
          .isTrue();
      assertThat(node.get("/api/v1/opt-outs/devices/" + other).body())
          .doesNotContain("sale_sharing");

      // A value of Sec-GPC other than exactly "1" is no signal.
      HttpResponse<String> malformed =
          node.send(
              HttpRequest.newBuilder(node.uri("/api/v1/banner/choices"))
                  .header("Content-Type", "application/json")
                  .header("Origin", SITE)
                  .header("Sec-GPC", "true")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          body(other + "-x", revision, false, true))));
      assertThat(Json.mapper().readTree(malformed.body()).at("/choices/advertising").asBoolean())
          .isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void hostileInput_orAForeignOrigin_isAProblem_andStoresNothing(Engine engine) throws IOException {
    try (TestNodes.Running node = start(engine)) {
      String revision = config(node, DEVICE, "en").get("revision").asText();
      List<String> bodies =
          List.of(
              body("short", revision, true, true),
              "{\"device\":\""
                  + DEVICE
                  + "\",\"revision\":\""
                  + revision
                  + "\",\"choices\":{\"analytics\":true}}",
              "{\"device\":\""
                  + DEVICE
                  + "\",\"revision\":\""
                  + revision
                  + "\",\"choices\":{\"analytics\":true,\"advertising\":true,\"tracking\":true}}",
              "{\"device\":\""
                  + DEVICE
                  + "\",\"revision\":\""
                  + revision
                  + "\",\"choices\":{\"analytics\":null,\"advertising\":true}}",
              "{\"device\":\""
                  + DEVICE
                  + "\",\"revision\":\""
                  + revision
                  + "\",\"choices\":{\"analytics\":true,\"advertising\":true},\"evil\":1}",
              "{\"device\":\""
                  + DEVICE
                  + "\",\"revision\":\""
                  + revision
                  + "\",\"choices\":{\"analytics\":\"yes please\",\"advertising\":true}}",
              "{\"device\":\"" + DEVICE + "\",\"choices\":",
              "[]");
      for (String bad : bodies) {
        HttpResponse<String> answer = choose(node, SITE, bad, true);
        assertThat(answer.statusCode()).as(bad + " -> " + answer.body()).isBetween(400, 422);
        assertThat(answer.headers().firstValue("Content-Type"))
            .as(bad)
            .contains("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at dev.");
      }
      HttpResponse<String> foreign =
          choose(node, "https://evil.example.net", body(DEVICE, revision, true, true), true);
      assertThat(foreign.statusCode()).isEqualTo(403);
      assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

      HttpResponse<String> preflight =
          node.send(
              HttpRequest.newBuilder(node.uri("/api/v1/banner/choices"))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", "https://evil.example.net")
                  .header("Access-Control-Request-Method", "POST")
                  .header("Access-Control-Request-Headers", "content-type"));
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      HttpResponse<String> allowed =
          node.send(
              HttpRequest.newBuilder(node.uri("/api/v1/banner/choices"))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", SITE)
                  .header("Access-Control-Request-Method", "POST")
                  .header("Access-Control-Request-Headers", "content-type"));
      assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(SITE);

      assertThat(ledger(node, DEVICE)).isEmpty();
      assertThat(node.get("/api/v1/opt-outs/devices/" + DEVICE).body())
          .doesNotContain("sale_sharing");
    }
  }
}
