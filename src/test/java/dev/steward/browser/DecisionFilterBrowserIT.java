package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The console's list filter in a real browser: staff pick the system, purpose, categories and
 * channel, upload a CSV list and download the lines of the people who may be reached; a file of
 * another kind is refused with a message beside the field; the page is accessible in English and
 * Chinese, with no English sentence on the Chinese page.
 */
class DecisionFilterBrowserIT extends BrowserTestBase {

  @Override
  protected StewardConfig configure(StewardConfig config) {
    return TestNodes.withPolicy(config, Path.of("src/test/resources/policy/decisions.yaml"));
  }

  @Test
  void staffUploadAList_andDownloadOnlyThePeopleWhoConsented() throws Exception {
    String ada = "ada-" + System.nanoTime() + "@example.test";
    String bo = "bo-" + System.nanoTime() + "@example.test";
    HttpResponse<String> signedUp =
        post("/api/v1/collect/newsletter-signup", "{\"email\":\"" + ada + "\",\"agree\":true}");
    assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(201);

    signInToConsole();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Filter a list")).click();
    assertThat(page.locator("h1").innerText()).isEqualTo("Filter a mailing list");
    assertAccessible();
    choose();
    page.getByLabel("List file (CSV or NDJSON)")
        .setInputFiles(
            new FilePayload(
                "march.csv",
                "text/csv",
                ("email,name\n" + bo + ",Bo\n" + ada + ",Ada\n").getBytes(StandardCharsets.UTF_8)));
    Download download =
        page.waitForDownload(
            () ->
                page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Filter and download the allowed list"))
                    .click());
    assertThat(download.suggestedFilename()).isEqualTo("allowed-march.csv");
    assertThat(Files.readString(download.path())).isEqualTo("email,name\n" + ada + ",Ada\n");

    // A file of another kind: the form again, with the message beside the field.
    open("/console/decisions/filter?lang=zh-CN");
    assertThat(page.locator("h1").innerText()).isEqualTo("筛选邮寄名单");
    choose();
    page.locator("#list")
        .setInputFiles(
            new FilePayload("list.txt", "text/plain", ada.getBytes(StandardCharsets.UTF_8)));
    page.locator("main button[type=submit]").click();
    assertThat(page.locator("#list-error").innerText()).contains("CSV").contains("NDJSON");
    assertNoEnglishSentence();
    assertAccessible();
    assertOnlyOwnOrigin();
  }

  private void choose() {
    page.locator("#system").selectOption("crm");
    page.locator("#purpose").selectOption("newsletter");
    page.locator("#categories").selectOption(new SelectOption().setValue("contact.email"));
    page.locator("#channel").selectOption("email");
  }
}
