package dev.steward.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.TestNodes;
import dev.steward.store.Engine;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's sign-in pages over HTTP, as a browser without JavaScript uses them. */
class ConsoleSignInPagesTest {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern PASSWORD = Pattern.compile("One-time password[^:]*: (\\S+)");
  private static TestNodes.Running node;

  @BeforeAll
  static void start() {
    node = TestNodes.start(TestNodes.config(Engine.H2, TestNodes.http()));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  private static HttpResponse<String> get(HttpClient browser, String path) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(node.uri(path)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(
      HttpClient browser, String path, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return browser.send(
        HttpRequest.newBuilder(node.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String csrf(HttpResponse<String> page) {
    Matcher m = CSRF.matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return m.group(1);
  }

  private static Map<String, String> form(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void firstAdmin_signsIn_changesPassword_reachesConsole_andSignsOut() throws Exception {
    Matcher printed = PASSWORD.matcher(node.consoleText());
    assertThat(printed.find()).isTrue();
    HttpClient browser = browser();

    HttpResponse<String> anonymous = get(browser, "/console");
    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("Location")).contains("/console/sign-in");

    String token = csrf(get(browser, "/console/sign-in"));
    HttpResponse<String> signedIn =
        post(
            browser,
            "/console/sign-in",
            form("csrf", token, "username", "admin", "password", printed.group(1)));
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Location")).contains("/console/password");
    assertThat(signedIn.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("steward-session=")
                    .contains("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax"));

    // Until the password is changed, the console sends the person to the change page.
    assertThat(get(browser, "/console").headers().firstValue("Location"))
        .contains("/console/password");
    HttpResponse<String> change = get(browser, "/console/password");
    assertThat(change.statusCode()).isEqualTo(200);
    HttpResponse<String> changed =
        post(
            browser,
            "/console/password",
            form(
                "csrf",
                csrf(change),
                "currentPassword",
                printed.group(1),
                "newPassword",
                "a quite long new passphrase",
                "confirmPassword",
                "a quite long new passphrase"));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);

    HttpResponse<String> home = get(browser, "/console");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("<h1>Dashboard</h1>");

    HttpResponse<String> out = post(browser, "/console/sign-out", form("csrf", csrf(home)));
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(get(browser, "/console").statusCode()).isEqualTo(303);
  }

  @Test
  void signIn_withWrongPassword_showsTheFormAgain_withAMessage() throws Exception {
    HttpClient browser = browser();
    String token = csrf(get(browser, "/console/sign-in"));
    HttpResponse<String> refused =
        post(
            browser,
            "/console/sign-in",
            form("csrf", token, "username", "nobody", "password", "wrong password"));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body())
        .contains("The user name or password is not correct.")
        .contains("value=\"nobody\"")
        .doesNotContain("wrong password");
  }

  @Test
  void post_withoutCsrfToken_isRefused_beforeAnySignIn() throws Exception {
    HttpClient browser = browser();
    get(browser, "/console/sign-in");
    HttpResponse<String> refused =
        post(browser, "/console/sign-in", form("username", "admin", "password", "whatever"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("<html").doesNotContain("Exception");
  }

  @Test
  void unknownPage_inChinese_isAReadablePage_whileTheApiKeepsProblemJson() throws Exception {
    HttpResponse<String> page = get(browser(), "/no-such-page?lang=zh-CN");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("找不到页面").contains("lang=\"zh-CN\"");
    HttpResponse<String> api = node.get("/api/v1/no-such-thing");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void home_isServed_withItsAssetsCachedLong() throws Exception {
    HttpResponse<String> home = get(browser(), "/");
    assertThat(home.statusCode()).isEqualTo(200);
    Matcher css = Pattern.compile("href=\"(/static/[0-9a-f]+/steward.css)\"").matcher(home.body());
    assertThat(css.find()).isTrue();
    HttpResponse<String> sheet = node.get(css.group(1));
    assertThat(sheet.statusCode()).isEqualTo(200);
    // The asset's own header replaces the edge's "no-store"; it is not sent beside it.
    assertThat(sheet.headers().allValues("Cache-Control"))
        .containsExactly("public, max-age=31536000, immutable");
    assertThat(home.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(100_000);
    assertThat(URI.create(css.group(1)).isAbsolute()).isFalse();
  }
}
