package dev.steward.center;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.PageClient;
import dev.steward.app.TestNodes;
import dev.steward.store.Engine;
import dev.steward.web.HttpSettings;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The privacy center's forms over plain HTTP, as a browser without JavaScript posts them. */
class CenterPagesTest {
  private static TestNodes.Running node;

  @BeforeAll
  static void start() {
    node = TestNodes.start(TestNodes.config(Engine.H2, TestNodes.http()));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static int storedRequests() {
    return node.node()
        .database()
        .jdbi()
        .withHandle(
            h -> h.createQuery("select count(*) from rights_request").mapTo(Integer.class).one());
  }

  @Test
  void request_withABadEmail_isShownAgainWithItsMessage_andStoresNothing() {
    PageClient browser = new PageClient(node);
    browser.get("/request/details?wish=see&residence=CN&lang=zh-CN");
    int before = storedRequests();
    HttpResponse<String> refused =
        browser.post(
            "/request",
            "wish",
            "see",
            "residence",
            "CN",
            "email",
            "not an address",
            "details",
            "旧账户");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("请输入格式正确的电子邮件地址")
        .contains("value=\"not an address\"")
        .contains("旧账户")
        .doesNotContain("Exception");
    assertThat(storedRequests()).isEqualTo(before);
  }

  @Test
  void request_whichTheLawDoesNotGrantWhereThePersonLives_sendsThemBackToTheChoice() {
    PageClient browser = new PageClient(node);
    HttpResponse<String> refused =
        browser.get("/request/details?wish=do-not-sell&residence=GB&lang=en");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("it is not a right where you live");
  }

  @Test
  void request_accepted_redirectsToItsReference_andIsStored() {
    PageClient browser = new PageClient(node);
    browser.get("/request/details?wish=see&residence=CN&lang=en");
    int before = storedRequests();
    String sent =
        PageClient.location(
            browser.post("/request", "wish", "see", "residence", "CN", "email", "cn@example.test"));
    assertThat(sent).matches("/request/sent\\?reference=R-[A-Z0-9]{4}-[A-Z0-9]{4}");
    assertThat(storedRequests()).isEqualTo(before + 1);
  }

  @Test
  void post_withAForeignCsrfToken_isRefused_andStoresNothing() {
    PageClient browser = new PageClient(node);
    browser.get("/request/details?wish=see&residence=CN");
    PageClient other = new PageClient(node);
    int before = storedRequests();
    HttpResponse<String> refused =
        other.post(
            "/request",
            "wish",
            "see",
            "residence",
            "CN",
            "email",
            "x@example.test",
            "csrf",
            "forged");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(storedRequests()).isEqualTo(before);
  }

  @Test
  void contentRemoval_withTheCustomersToken_isFiled_andWithoutIt_isRefusedAndStoresNothing()
      throws Exception {
    String admin = node.adminToken("clients:manage", "tokens:manage");
    String account =
        dev.steward.web.Json.mapper()
            .readTree(
                node.json(
                        "POST",
                        "/api/v1/clients",
                        admin,
                        "{\"name\":\"Example Media\",\"kind\":\"business-customer\"}")
                    .body())
            .get("id")
            .asText();
    String token =
        dev.steward.web.Json.mapper()
            .readTree(
                node.json(
                        "POST",
                        "/api/v1/tokens",
                        admin,
                        "{\"name\":\"media\",\"scopes\":[\"content:removal-submit\"],"
                            + "\"expiresInDays\":1,\"clientId\":\""
                            + account
                            + "\"}")
                    .body())
            .get("secret")
            .asText();
    PageClient browser = new PageClient(node);
    browser.get("/content-removal?lang=en");
    int before = storedRequests();
    HttpResponse<String> refused =
        browser.post(
            "/content-removal",
            "token",
            "stw_not-a-token",
            "email",
            "ops@media.example",
            "details",
            "https://cdn.example/a.mp4");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body())
        .contains("The access token is not right")
        .doesNotContain("stw_not-a-token");
    assertThat(storedRequests()).isEqualTo(before);

    String sent =
        PageClient.location(
            browser.post(
                "/content-removal",
                "token",
                token,
                "email",
                "ops@media.example",
                "details",
                "https://cdn.example/a.mp4"));
    assertThat(sent).startsWith("/content-removal/sent?reference=R-");
    assertThat(storedRequests()).isEqualTo(before + 1);
  }

  @Test
  void tooManyPosts_getAReadablePage_withTheWait() {
    try (TestNodes.Running tight =
        TestNodes.start(
            TestNodes.config(
                Engine.H2, new HttpSettings("127.0.0.1", 0, 16_384, 1, 2, List.of())))) {
      PageClient browser = new PageClient(tight);
      browser.get("/verify?lang=en");
      HttpResponse<String> last = null;
      for (int i = 0; i < 4; i++) {
        last = browser.post("/verify", "reference", "R-AAAA-2222", "code", "000000");
      }
      assertThat(last.statusCode()).isEqualTo(429);
      assertThat(last.headers().firstValue("Retry-After")).isPresent();
      assertThat(last.body()).contains("Too many attempts").containsPattern("Wait \\d+ seconds");
    }
  }

  @Test
  void upload_overTheBodyLimit_getsAReadablePageInThePersonsLanguage_whileTheApiKeepsItsProblem() {
    PageClient browser = new PageClient(node);
    browser.get("/verify/documents?reference=R-ABCD-2345&lang=zh-CN");
    HttpResponse<String> refused =
        browser.post("/verify/documents", "reference", "R-ABCD-2345", "file", "x".repeat(20_000));
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(refused.body())
        .contains("您发送的内容过大")
        .doesNotContain("payload-too-large")
        .doesNotContain("Exception");

    HttpResponse<String> api =
        node.send(
            java.net.http.HttpRequest.newBuilder(node.uri("/api/v1/public/requests"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x".repeat(20_000))));
    assertThat(api.statusCode()).isEqualTo(413);
    assertThat(api.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }
}
