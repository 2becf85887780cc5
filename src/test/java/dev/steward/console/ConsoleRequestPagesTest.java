package dev.steward.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.TestNodes;
import dev.steward.store.Engine;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's request, subject and audit pages over HTTP, as a browser without JavaScript uses
 * them: what each role is shown, and what the server refuses whatever the page showed.
 */
class ConsoleRequestPagesTest {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final String PASSWORD = "a long enough test passphrase";
  private static TestNodes.Running node;
  private static String token;

  @BeforeAll
  static void start() {
    node = TestNodes.start(TestNodes.config(Engine.H2, TestNodes.http()));
    token = node.adminToken("users:manage", "request:submit", "request:read");
    for (String role : new String[] {"admin", "analyst", "agent", "auditor"}) {
      HttpResponse<String> created =
          node.json(
              "POST",
              "/api/v1/users",
              token,
              "{\"username\":\"page-"
                  + role
                  + "\",\"role\":\""
                  + role
                  + "\",\"password\":\""
                  + PASSWORD
                  + "\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void analyst_seesTheOutline_withoutContactOrSteps_andIsRefusedAStep() throws Exception {
    String email = "outline-" + System.nanoTime() + "@example.test";
    UUID id = logged(email);
    HttpClient analyst = signedIn("page-analyst");

    HttpResponse<String> detail = get(analyst, "/console/requests/" + id);
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.body()).contains("Access").doesNotContain(email).doesNotContain("/start\"");
    assertThat(detail.body())
        .doesNotContain("Next steps")
        .doesNotContain("action=\"" + "/console/requests/" + id + "/deny");

    HttpResponse<String> start =
        post(analyst, "/console/requests/" + id + "/start", Map.of("csrf", csrf(detail)));
    assertThat(start.statusCode()).isEqualTo(403);
    assertThat(state(id)).isEqualTo("awaiting_verification");
  }

  @Test
  void agent_doesNotReach_aRequestNotAssignedToThem() throws Exception {
    UUID id = logged("elsewhere-" + System.nanoTime() + "@example.test");
    HttpClient agent = signedIn("page-agent");

    assertThat(get(agent, "/console/requests/" + id).statusCode()).isEqualTo(404);
    assertThat(get(agent, "/console/requests").body()).doesNotContain(id.toString());
  }

  @Test
  void admin_seesTheContactAndSteps_andAStepWithoutItsReason_isShownAgain_andChangesNothing()
      throws Exception {
    String email = "steps-" + System.nanoTime() + "@example.test";
    UUID id = logged(email);
    HttpClient admin = signedIn("page-admin");

    HttpResponse<String> detail = get(admin, "/console/requests/" + id);
    assertThat(detail.body()).contains(email).contains("Deny the request").contains("Assign");

    HttpResponse<String> extend =
        post(admin, "/console/requests/" + id + "/extend", Map.of("csrf", csrf(detail)));
    assertThat(extend.statusCode()).isEqualTo(400);
    assertThat(extend.body()).contains("Give the reason.");
    assertThat(detail(id)).contains("\"extended\":false").doesNotContain("\"action\":\"extended\"");

    HttpResponse<String> withdrawn =
        post(
            admin,
            "/console/requests/" + id + "/withdraw",
            Map.of("csrf", csrf(detail), "note", "asked by phone"));
    assertThat(withdrawn.statusCode()).isEqualTo(303);
    assertThat(withdrawn.headers().firstValue("Location").orElseThrow())
        .endsWith("/console/requests/" + id + "?done=withdraw");
    assertThat(state(id)).isEqualTo("withdrawn");
    assertThat(get(admin, "/console/requests/" + id + "?done=withdraw").body())
        .contains("The withdrawal is recorded.")
        .doesNotContain("Next steps");
  }

  @Test
  void aStep_withoutTheFormsToken_isRefused() throws Exception {
    UUID id = logged("csrf-" + System.nanoTime() + "@example.test");
    HttpClient admin = signedIn("page-admin");

    HttpResponse<String> withdrawn =
        post(admin, "/console/requests/" + id + "/withdraw", Map.of("note", "forged"));
    assertThat(withdrawn.statusCode()).isEqualTo(400);
    assertThat(state(id)).isEqualTo("awaiting_verification");
  }

  @Test
  void queue_filtersByStateAndType_andExplainsAFilterThatNamesNothing() throws Exception {
    UUID id = logged("queue-" + System.nanoTime() + "@example.test");
    HttpClient admin = signedIn("page-admin");

    assertThat(get(admin, "/console/requests?state=awaiting_verification&type=access").body())
        .contains(id.toString());
    assertThat(get(admin, "/console/requests?state=completed").body())
        .doesNotContain(id.toString());
    HttpResponse<String> bogus = get(admin, "/console/requests?state=bogus");
    assertThat(bogus.statusCode()).isEqualTo(400);
    assertThat(bogus.body()).contains("Choose a state from the list.");
    HttpResponse<String> chinese = get(admin, "/console/requests?state=bogus&lang=zh-CN");
    assertThat(chinese.body()).contains("请从列表中选择状态。");
  }

  @Test
  void dashboard_countsTheOpenRequests_andDrawsTheChart() throws Exception {
    logged("dash-" + System.nanoTime() + "@example.test");
    HttpClient admin = signedIn("page-admin");

    HttpResponse<String> dashboard = get(admin, "/console");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body())
        .contains("Open requests: ")
        .contains("<svg role=\"img\"")
        .contains("/console/requests?state=awaiting_verification");
    HttpResponse<String> analysts = get(signedIn("page-analyst"), "/console");
    assertThat(analysts.body()).doesNotContain("Art. 14 notices").doesNotContain("Audit log");
  }

  @Test
  void auditor_verifiesTheChain_fromTheAuditLog_andTheCheckIsItselfAudited() throws Exception {
    HttpClient auditor = signedIn("page-auditor");
    HttpResponse<String> log = get(auditor, "/console/audit");
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(log.body()).contains("user.created").doesNotContain("href=\"/console/requests\"");

    HttpResponse<String> verified =
        post(auditor, "/console/audit/verify", Map.of("csrf", csrf(log)));
    assertThat(verified.statusCode()).isEqualTo(200);
    assertThat(verified.body()).contains("The chain is intact:");
    String path = "/console/audit?lang=zh-CN";
    String seen = "";
    for (int pages = 0; path != null && pages < 50; pages++) {
      seen = get(auditor, path).body();
      if (seen.contains("audit.verified")) {
        break;
      }
      Matcher next = Pattern.compile("href=\"(/console/audit\\?after=\\d+)\"").matcher(seen);
      path = next.find() ? next.group(1) : null;
    }
    assertThat(seen).contains("audit.verified").contains("验证哈希链");
    assertThat(get(signedIn("page-analyst"), "/console/audit").statusCode()).isEqualTo(403);
  }

  @Test
  void denial_isPreviewed_withoutSendingOrStoring_thenSentFromThePreview() throws Exception {
    String email = "preview-" + System.nanoTime() + "@example.test";
    UUID id = logged(email);
    HttpClient admin = signedIn("page-admin");
    HttpResponse<String> detail = get(admin, "/console/requests/" + id);
    assertThat(detail.body()).contains("formaction=\"/console/requests/" + id + "/preview/deny\"");
    int letters = count("mail_outbox");

    HttpResponse<String> preview =
        post(
            admin,
            "/console/requests/" + id + "/preview/deny",
            Map.of("csrf", csrf(detail), "reason", "other", "note", "we hold nothing of yours"));
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains(email)
        .contains("we hold nothing of yours")
        .contains("name=\"reason\" value=\"other\"");
    assertThat(state(id)).isEqualTo("awaiting_verification");
    assertThat(count("mail_outbox")).isEqualTo(letters);

    HttpResponse<String> withoutNote =
        post(
            admin,
            "/console/requests/" + id + "/preview/deny",
            Map.of("csrf", csrf(detail), "reason", "other"));
    assertThat(withoutNote.statusCode()).isEqualTo(400);
    assertThat(withoutNote.body()).contains("Add a note saying why.");

    HttpResponse<String> sent =
        post(
            admin,
            "/console/requests/" + id + "/deny",
            Map.of("csrf", csrf(preview), "reason", "other", "note", "we hold nothing of yours"));
    assertThat(sent.statusCode()).isEqualTo(303);
    assertThat(state(id)).isEqualTo("denied");
    assertThat(count("mail_outbox")).isEqualTo(letters + 1);
  }

  @Test
  void lookUp_needsAPurpose_thenShowsTheRecords_andTheIdentityStaysOutOfTheAddress()
      throws Exception {
    String email = "looked-up-" + System.nanoTime() + "@example.test";
    String value = "order " + UUID.randomUUID();
    var vault = node.node().vault().vault();
    var setup = new dev.steward.principal.Principal.System("test");
    UUID subject =
        vault.createSubject(
            setup,
            dev.steward.vault.NewSubject.of(
                "customer-contacts", java.util.List.of(dev.steward.vault.Identity.email(email))),
            dev.steward.vault.ReturningPerson.REFUSE);
    vault.addRecords(
        setup,
        java.util.List.of(
            new dev.steward.vault.NewRecord(
                subject,
                "service.inquiry",
                new dev.steward.vault.Provenance(
                    "the-person",
                    "email-im",
                    java.util.Set.of("inquiries"),
                    "dpv:Contract",
                    Instant.now(),
                    null),
                value)));
    HttpClient admin = signedIn("page-admin");
    HttpResponse<String> form = get(admin, "/console/subjects");
    assertThat(form.statusCode()).isEqualTo(200);

    HttpResponse<String> noPurpose =
        post(
            admin,
            "/console/subjects",
            Map.of("csrf", csrf(form), "type", "email", "value", email));
    assertThat(noPurpose.statusCode()).isEqualTo(400);
    assertThat(noPurpose.body())
        .contains("Choose the purpose of the look-up.")
        .doesNotContain(value);

    HttpResponse<String> found =
        post(
            admin,
            "/console/subjects",
            Map.of("csrf", csrf(form), "type", "email", "value", email, "purpose", "inquiries"));
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).contains(value).contains(subject.toString());
    assertThat(found.uri().toString()).doesNotContain("example.test");
    assertThat(get(signedIn("page-analyst"), "/console/subjects").statusCode()).isEqualTo(403);
  }

  @Test
  void policy_showsTheVersionInForce_andItsDiff_andTheRegistersDownloadOnlyForThoseWhoMayReadThem()
      throws Exception {
    String version = node.node().policies().current().version();
    HttpClient admin = signedIn("page-admin");
    HttpResponse<String> policy = get(admin, "/console/policy");
    assertThat(policy.statusCode()).isEqualTo(200);
    assertThat(policy.body())
        .contains(version)
        .contains("/console/policy/registers/ropa?format=csv");
    assertThat(get(admin, "/console/policy?from=" + version).body()).contains("Nothing changed.");
    assertThat(get(admin, "/console/policy?from=no-such-version").statusCode()).isEqualTo(404);

    HttpResponse<String> ropa = get(admin, "/console/policy/registers/ropa?format=csv");
    assertThat(ropa.statusCode()).isEqualTo(200);
    assertThat(ropa.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");
    assertThat(ropa.body()).isNotBlank();

    HttpClient agent = signedIn("page-agent");
    assertThat(get(agent, "/console/policy").body()).doesNotContain("/console/policy/registers/");
    assertThat(get(agent, "/console/policy/registers/ropa?format=csv").statusCode()).isEqualTo(403);
  }

  @Test
  void admin_addsAUser_seesItsOneTimePasswordOnce_andDisablesIt_whileOthersAreRefused()
      throws Exception {
    HttpClient admin = signedIn("page-admin");
    HttpResponse<String> page = get(admin, "/console/admin");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("page-analyst").contains("request:contact-read");

    HttpResponse<String> refused =
        post(
            admin,
            "/console/admin/users",
            Map.of("csrf", csrf(page), "username", "9 not valid", "role", "agent"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("A user name is 2 to 64 characters");

    String username = "new-agent-" + (System.nanoTime() % 100000);
    HttpResponse<String> added =
        post(
            admin,
            "/console/admin/users",
            Map.of("csrf", csrf(page), "username", username, "role", "agent"));
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body()).contains("User " + username + " was added.");
    assertThat(get(admin, "/console/admin").body())
        .contains(username)
        .doesNotContain("one-time password now");

    UUID id =
        node.node()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from staff_user where username = :u")
                        .bind("u", username)
                        .mapTo(UUID.class)
                        .one());
    HttpResponse<String> disabled =
        post(admin, "/console/admin/users/" + id + "/disable", Map.of("csrf", csrf(page)));
    assertThat(disabled.statusCode()).isEqualTo(303);

    HttpClient analyst = signedIn("page-analyst");
    assertThat(get(analyst, "/console").body()).doesNotContain("href=\"/console/admin\"");
    assertThat(get(analyst, "/console/admin").statusCode()).isEqualTo(403);
  }

  @Test
  void instructions_areSavedFromTheForm_andARefusedFormIsShownAgain_andStoresNothing()
      throws Exception {
    UUID id = logged("instruct-" + System.nanoTime() + "@example.test", "erasure", "DE");
    HttpClient admin = signedIn("page-admin");
    String base = "/console/requests/" + id;
    HttpResponse<String> verified =
        post(admin, base + "/verify", Map.of("csrf", csrf(get(admin, base)), "method", "passport"));
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(303);

    // Offered once verified, before work starts: the tasks read the instructions when they run.
    HttpResponse<String> detail = get(admin, base);
    assertThat(detail.body())
        .contains("action=\"" + base + "/instructions\"")
        .contains("value=\"legal-claims\"");

    HttpResponse<String> refused =
        post(
            admin,
            base + "/instructions",
            Map.of(
                "csrf", csrf(detail),
                "keep_category", "billing",
                "keep_exemption", "overriding-interest",
                "keep_years", "ten"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Choose an exemption from the list.")
        .contains("Give the years kept as a whole number from 1 to 100.");
    HttpResponse<String> unknownPurpose =
        post(admin, base + "/instructions", Map.of("csrf", csrf(detail), "purposes", "bogus"));
    assertThat(unknownPurpose.statusCode()).isEqualTo(400);
    assertThat(instructionRows(id)).isZero();

    HttpResponse<String> forged =
        post(admin, base + "/instructions", Map.of("keep_category", "billing"));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(instructionRows(id)).isZero();

    HttpResponse<String> saved =
        post(
            admin,
            base + "/instructions",
            Map.of(
                "csrf", csrf(detail),
                "keep_category", "billing",
                "keep_exemption", "legal-claims",
                "keep_years", "10",
                "restrict", ""));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(saved.headers().firstValue("Location").orElseThrow())
        .endsWith(base + "?done=instructions");
    assertThat(instructionRows(id)).isEqualTo(1);
    assertThat(get(admin, base + "?done=instructions").body())
        .contains("The instructions were saved.")
        .contains("action=\"" + base + "/start\"");
    assertThat(state(id)).isEqualTo("verified");
  }

  @Test
  void instructionsForm_isInChinese_onAChinesePage() throws Exception {
    UUID id = logged("instruct-zh-" + System.nanoTime() + "@example.test", "erasure", "DE");
    HttpClient admin = signedIn("page-admin");
    String base = "/console/requests/" + id;
    post(admin, base + "/verify", Map.of("csrf", csrf(get(admin, base)), "method", "passport"));

    HttpResponse<String> zh =
        admin.send(
            HttpRequest.newBuilder(node.uri(base))
                .header("Accept", "text/html")
                .header("Accept-Language", "zh-CN")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(zh.body())
        .contains("下达指示")
        .contains("保留年数")
        .doesNotContain("Give instructions")
        .doesNotContain("Years kept");
  }

  private static int instructionRows(UUID id) {
    return node.node()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from fulfilment_instruction where request_id = :id")
                    .bind("id", id)
                    .mapTo(Integer.class)
                    .one());
  }

  private static int count(String table) {
    return node.node()
        .database()
        .jdbi()
        .withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }

  private static UUID logged(String email) {
    return logged(email, "access", "HK");
  }

  private static UUID logged(String email, String type, String residence) {
    HttpResponse<String> logged =
        node.json(
            "POST",
            "/api/v1/requests",
            token,
            "{\"type\":\""
                + type
                + "\",\"residence\":\""
                + residence
                + "\",\"identity\":{\"email\":\""
                + email
                + "\"},\"channel\":\"email\",\"receivedAt\":\""
                + Instant.now().minusSeconds(60)
                + "\"}");
    assertThat(logged.statusCode()).as(logged.body()).isEqualTo(202);
    Matcher reference =
        Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"").matcher(logged.body());
    assertThat(reference.find()).isTrue();
    return node.node()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select id from rights_request where reference = :r")
                    .bind("r", reference.group(1))
                    .mapTo(UUID.class)
                    .one());
  }

  private static String state(UUID id) {
    return node.node()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select state from rights_request where id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .one());
  }

  private static String detail(UUID id) {
    return node.get("/api/v1/requests/" + id, token).body();
  }

  private static HttpClient signedIn(String username) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> form = get(browser, "/console/sign-in");
    HttpResponse<String> signedIn =
        post(
            browser,
            "/console/sign-in",
            Map.of("csrf", csrf(form), "username", username, "password", PASSWORD));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
    return browser;
  }

  private static HttpResponse<String> get(HttpClient browser, String path) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(node.uri(path)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(
      HttpClient browser, String path, Map<String, String> fields) throws Exception {
    String body =
        new LinkedHashMap<>(fields)
            .entrySet().stream()
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
}
