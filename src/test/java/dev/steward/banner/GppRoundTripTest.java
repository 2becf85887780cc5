package dev.steward.banner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.iab.gpp.encoder.GppModel;
import dev.steward.app.TestNodes;
import dev.steward.store.Engine;
import dev.steward.web.Json;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * GPP strings Steward answers for a device decode, with the IAB's JavaScript library ({@code
 * @iabgpp/cmpapi} under Node.js, from the committed lockfile), to the opt-outs recorded: none, a
 * limit of sensitive use, and a GPC signal (which also sets the GPC subsection). The subject route
 * needs a token.
 */
class GppRoundTripTest {
  private static final Path DECODER = Path.of("src/test/js/gpp-decode.mjs");
  private static final String PLAIN = "gpp-device-plain-0123456";
  private static final String SENSITIVE = "gpp-device-sensitive-012";
  private static final String GPC = "gpp-device-gpc-0123456789";

  private static String gpp(TestNodes.Running node, String device, boolean gpc) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(node.uri("/api/v1/gpp?device=" + device))
            .header("Origin", BannerApiTest.SITE);
    if (gpc) {
      request.header("Sec-GPC", "1");
    }
    HttpResponse<String> answer = node.send(request);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode tree = Json.mapper().readTree(answer.body());
    assertThat(tree.get("applicableSections").toString()).isEqualTo("[7]");
    return tree.get("gppString").asText();
  }

  /** One JSON object per string, as the IAB's JavaScript decoder reads it. */
  private static List<JsonNode> decodeInNode(List<String> strings) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", DECODER.toString()));
    command.addAll(strings);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(out).isZero();
    List<JsonNode> decoded = new ArrayList<>();
    for (String line : out.strip().split("\n")) {
      decoded.add(Json.mapper().readTree(line));
    }
    return decoded;
  }

  @Test
  void deviceStrings_decodeWithTheIabJavaScriptLibrary_toTheOptOutsRecorded() throws Exception {
    assertThat(Files.exists(Path.of("node_modules/@iabgpp/cmpapi")))
        .as("run 'npm ci' at the repository's root")
        .isTrue();
    try (TestNodes.Running node = BannerApiTest.start(Engine.H2)) {
      HttpResponse<String> limited =
          node.json(
              "POST",
              "/api/v1/opt-outs",
              null,
              "{\"device\":\"" + SENSITIVE + "\",\"kinds\":[\"sensitive_use\"]}");
      assertThat(limited.statusCode()).as(limited.body()).isEqualTo(202);

      String plain = gpp(node, PLAIN, false);
      String sensitive = gpp(node, SENSITIVE, false);
      String gpcNow = gpp(node, GPC, true);
      // Recorded: the same device without the header still reads as opted out by GPC.
      String gpcLater = gpp(node, GPC, false);
      assertThat(node.get("/api/v1/opt-outs/devices/" + GPC).body())
          .contains("\"sale_sharing\":\"gpc\"");

      List<JsonNode> decoded = decodeInNode(List.of(plain, sensitive, gpcNow, gpcLater));
      String notOptedOut = "[2,2,2,2,2,2,2,2,2,2,2,2]";
      String optedOut = "[1,1,1,1,1,1,1,1,1,1,1,1]";
      assertThat(fields(decoded.get(0))).isEqualTo("2 2 2 " + notOptedOut + " 1 false");
      assertThat(fields(decoded.get(1))).isEqualTo("2 2 2 " + optedOut + " 1 false");
      assertThat(fields(decoded.get(2))).isEqualTo("1 1 1 " + notOptedOut + " 1 true");
      assertThat(fields(decoded.get(3))).isEqualTo("1 1 1 " + notOptedOut + " 1 true");
      assertThat(decoded)
          .allSatisfy(
              d -> {
                assertThat(d.get("sections").toString()).isEqualTo("[7]");
                assertThat(d.get("gpcSegmentIncluded").asBoolean()).isTrue();
                assertThat(d.get("mspaCoveredTransaction").asInt()).isEqualTo(2);
              });
      // The Java decoder reads what the JavaScript one does.
      GppModel java = new GppModel(gpcNow);
      assertThat(java.getFieldValue("usnat", "SaleOptOut")).isEqualTo(1);
      assertThat(java.getFieldValue("usnat", "Gpc")).isEqualTo(true);
    }
  }

  @Test
  void theSubjectRoute_needsAToken_andAnswers404ForAnUnknownSubject() {
    try (TestNodes.Running node = BannerApiTest.start(Engine.H2)) {
      String path = "/api/v1/gpp/subjects/00000000-0000-4000-8000-000000000000";
      assertThat(node.get(path).statusCode()).isEqualTo(401);
      String token = node.adminToken("decision:read");
      HttpResponse<String> unknown = node.get(path, token);
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(node.get("/api/v1/gpp?device=short").statusCode()).isEqualTo(422);
    }
  }

  private static String fields(JsonNode d) {
    return d.get("saleOptOut").asInt()
        + " "
        + d.get("sharingOptOut").asInt()
        + " "
        + d.get("targetedAdvertisingOptOut").asInt()
        + " "
        + d.get("sensitiveDataProcessing")
        + " "
        + d.get("sensitiveDataLimitUseNotice").asInt()
        + " "
        + d.get("gpc").asBoolean();
  }
}
