package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.principal.Principal;
import dev.steward.vault.Identity;
import dev.steward.vault.NewRecord;
import dev.steward.vault.NewSubject;
import dev.steward.vault.Provenance;
import dev.steward.vault.ReturningPerson;
import dev.steward.vault.Vault;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The staff console in a real browser: a request worked from the queue to the person's download.
 */
class ConsoleBrowserIT extends BrowserTestBase {
  private static final Principal SETUP = new Principal.System("test");

  @Test
  void staffWorksAnAccessRequest_fromTheQueue_andThePersonDownloadsTheirData() throws Exception {
    String email = "ada-" + System.nanoTime() + "@example.test";
    String secret = "order-" + UUID.randomUUID();
    personWithRecord(email, secret);
    String reference = verifiedAccessRequest(email);

    signInToConsole();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Requests")).first().click();
    page.getByLabel("State").selectOption("verified");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show requests")).click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
    assertThat(page.locator("h1").innerText()).isEqualTo("Request " + reference);
    assertThat(mainText()).contains("Verified").contains(email).contains("code");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start work")).click();
    assertThat(mainText()).contains("Work started.");

    // Fulfilment reads the person's data on each system, builds the package and completes the
    // request; the detail shows its tasks meanwhile.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!page.locator("dl.summary strong").first().innerText().equals("Completed")) {
      assertThat(System.nanoTime()).as("completed within 60 s").isLessThan(deadline);
      page.waitForTimeout(500);
      page.reload();
    }
    assertThat(mainText()).contains("Tasks per system").contains("completed");

    String letter = decoded(awaitLetter(email, "is complete"));
    // The letter's link is absolute and leads to the privacy center's page, which links the ZIP.
    String link = find(letter, "(http://\\S+/download/\\S+)");
    assertThat(link).startsWith(origin + "/download/");
    page.navigate(link);
    assertThat(page.locator("h1").innerText()).isEqualTo("Your data is ready");
    assertAccessible();
    assertOnlyOwnOrigin();
    Download download =
        page.waitForDownload(
            () ->
                page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Download my data (ZIP)"))
                    .click());
    byte[] zip = Files.readAllBytes(download.path());
    assertThat(unzipped(zip)).contains(secret);

    // The person's status page, signed in by a code, offers the same package.
    open("/status?lang=en");
    page.getByLabel("Email address").fill(email);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a code")).click();
    page.getByLabel("Code")
        .fill(find(awaitLetter(email, "sign-in code"), "(?m)^\\s+(\\d{4,10})\\s*$"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See my requests")).click();
    assertThat(page.locator("h1").innerText()).isEqualTo("Your requests");
    Download again =
        page.waitForDownload(
            () ->
                page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Download my data (ZIP)"))
                    .click());
    assertThat(unzipped(Files.readAllBytes(again.path()))).contains(secret);
    assertAccessible();
    open("/status/requests?lang=zh-CN");
    assertThat(page.locator("td.package").first().innerText()).isEqualTo("下载我的数据（ZIP）");
    assertAccessible();
  }

  @Test
  void dashboardQueueAndDetail_areAccessible_inEachLanguage() throws Exception {
    String reference = verifiedAccessRequest("grace-" + System.nanoTime() + "@example.test");
    signInToConsole();
    for (String lang : List.of("en", "zh-CN")) {
      open("/console?lang=" + lang);
      assertThat(page.locator("svg[role=img]").count()).isPositive();
      assertAccessible();
      open("/console/requests?lang=" + lang);
      assertAccessible();
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
      assertThat(page.locator("h1").innerText()).contains(reference);
      assertAccessible();
    }
    assertThat(page.locator("h1").innerText()).isEqualTo("请求 " + reference);
    assertThat(mainText()).contains("开始处理").doesNotContain("Start work");
    assertOnlyOwnOrigin();
  }

  @Test
  void subjectsPolicyAuditAndAdministration_areAccessible_inEachLanguage() {
    signInToConsole();
    for (String lang : List.of("en", "zh-CN")) {
      for (String path :
          List.of("/console/subjects", "/console/policy", "/console/audit", "/console/admin")) {
        open(path + "?lang=" + lang);
        assertThat(page.locator("h1").count()).isEqualTo(1);
        assertAccessible();
      }
    }
    open("/console/audit?lang=zh-CN");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("验证哈希链")).click();
    assertThat(mainText()).contains("哈希链完整");
    assertAccessible();
  }

  /**
   * With {@code -Dsteward.screenshots=docs/screenshots}, keeps the dashboard and a request's detail
   * in both languages as PNGs for the README; skipped otherwise, so a build leaves the tree as is.
   */
  @Test
  void screenshots_ofTheDashboardAndARequest_inEachLanguage() throws Exception {
    String into = System.getProperty("steward.screenshots");
    Assumptions.assumeTrue(into != null && !into.isBlank(), "no -Dsteward.screenshots");
    Path folder = Path.of(into);
    Files.createDirectories(folder);
    String reference = verifiedAccessRequest("lin-" + System.nanoTime() + "@example.test");
    signInToConsole();
    page.setViewportSize(1100, 900);
    for (String lang : List.of("en", "zh-CN")) {
      open("/console?lang=" + lang);
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(folder.resolve("console-dashboard-" + lang + ".png")));
      open("/console/requests?lang=" + lang);
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
      page.screenshot(
          new Page.ScreenshotOptions().setPath(folder.resolve("console-request-" + lang + ".png")));
    }
    assertThat(Files.size(folder.resolve("console-request-zh-CN.png"))).isPositive();
  }

  @Test
  void aPolicyFile_isChecked_showsItsMessagesAndDiff_andIsPublishedOnConfirmation()
      throws Exception {
    signInToConsole();
    Path broken = Files.createTempFile("policy", ".yaml");
    Files.writeString(broken, "version: \"x\"\nnot a policy: [\n");
    open("/console/policy?lang=en");
    page.getByLabel("Policy file (YAML)").setInputFiles(broken);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file")).click();
    assertThat(mainText()).contains("The file has errors").doesNotContain("Publish this version");
    assertAccessible();

    String next = "2099-01-console";
    Path good = Files.createTempFile("policy", ".yaml");
    Files.writeString(
        good,
        dev.steward.policy.PolicyChecker.bundledText()
            .replace("version: \"2019-10\"", "version: \"" + next + "\"")
            .replace("Privacy team", "The privacy team"));
    open("/console/policy?lang=zh-CN");
    page.getByLabel("政策文件（YAML）").setInputFiles(good);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查文件")).click();
    assertThat(mainText()).contains("文件没有错误");
    assertAccessible();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布此版本")).click();
    assertThat(mainText()).contains("版本 " + next + " 已发布。");
    assertThat(node.policies().all()).anyMatch(p -> p.version().equals(next));
  }

  @Test
  void uploadedDocuments_areShownToStaff_andApprovingThemVerifiesTheRequest() throws Exception {
    String email = "doc-" + System.nanoTime() + "@example.co.uk";
    HttpResponse<String> submitted =
        post(
            "/api/v1/public/requests",
            "{\"type\":\"access\",\"residence\":\"GB\",\"identity\":{\"email\":\""
                + email
                + "\"}}");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String reference = find(submitted.body(), "\"reference\"\\s*:\\s*\"([^\"]+)\"");
    String token =
        find(decoded(awaitLetter(email, "What we need to verify")), "access key:\\s+(\\S+)");
    byte[] pdf = ("%PDF-1.7 scan " + reference).getBytes(StandardCharsets.US_ASCII);
    for (String kind : List.of("identity", "address")) {
      assertThat(upload(reference, token, kind, pdf).statusCode()).isEqualTo(202);
    }

    signInToConsole();
    open("/console/requests?lang=en");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
    String link =
        page.getByRole(
                AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Open the document").setExact(false))
            .first()
            .getAttribute("href");
    assertThat(context.request().get(origin + link).body()).isEqualTo(pdf);
    assertAccessible();
    for (int i = 0; i < 2; i++) {
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))
          .first()
          .click();
      assertThat(mainText()).contains("The document was reviewed.");
    }
    assertThat(page.locator("dl.summary strong").first().innerText()).isEqualTo("Verified");
  }

  private HttpResponse<String> upload(String reference, String token, String kind, byte[] content)
      throws Exception {
    String boundary = "b" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String fields =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n"
            + token
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n"
            + kind
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"proof\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n";
    body.writeBytes(fields.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(origin + "/api/v1/public/requests/" + reference + "/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private void personWithRecord(String email, String value) {
    Vault vault = node.vault().vault();
    UUID subject =
        vault.createSubject(
            SETUP,
            NewSubject.of("customer-contacts", List.of(Identity.email(email))),
            ReturningPerson.REFUSE);
    Provenance provenance =
        new Provenance(
            "the-person", "email-im", Set.of("inquiries"), "dpv:Contract", Instant.now(), null);
    vault.addRecords(SETUP, List.of(new NewRecord(subject, "service.inquiry", provenance, value)));
  }

  /** A person asks for their data through the privacy center's intake and enters the code. */
  private String verifiedAccessRequest(String email) throws Exception {
    HttpResponse<String> submitted =
        post(
            "/api/v1/public/requests",
            "{\"type\":\"access\",\"residence\":\"HK\",\"identity\":{\"email\":\""
                + email
                + "\"}}");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String reference = find(submitted.body(), "\"reference\"\\s*:\\s*\"([^\"]+)\"");
    String code =
        find(decoded(awaitLetter(email, "verification code")), "privacy center:\\s+(\\S+)");
    HttpResponse<String> confirmed =
        post("/api/v1/public/requests/" + reference + "/code", "{\"code\":\"" + code + "\"}");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isBetween(200, 204);
    return reference;
  }

  private static String unzipped(byte[] zip) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        in.transferTo(all);
      }
    }
    return all.toString(StandardCharsets.UTF_8);
  }
}
