package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Double opt-in and the console's consent pages in a real browser, under the bundled policy (whose
 * newsletter asks for double opt-in): the person confirms through the emailed link, in English or
 * Chinese; staff see the counts per purpose and the person's consent history with its receipts.
 */
class ConsentBrowserIT extends BrowserTestBase {

  @Override
  protected StewardConfig configure(StewardConfig config) {
    return TestNodes.withPolicy(config, Path.of("src/main/resources/policy/bundled-policy.yaml"));
  }

  @Test
  void personConfirmsByTheEmailedLink_andStaffSeeTheCountsAndTheHistory() throws Exception {
    String ada = "ada-" + System.nanoTime() + "@example.test";
    String bo = "bo-" + System.nanoTime() + "@example.test";
    subscribe(ada);
    subscribe(bo);

    String link = find(decoded(awaitLetter(ada, "confirm")), "(http://\\S+/consent/confirm\\S+)");
    assertThat(link).startsWith(origin + "/consent/confirm?token=");
    page.navigate(link + "&lang=zh-CN");
    assertThat(page.locator("h1").innerText()).isEqualTo("确认您的订阅");
    assertAccessible();
    page.navigate(link + "&lang=en");
    assertThat(page.locator("h1").innerText()).isEqualTo("Confirm your subscription");
    assertAccessible();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, I confirm")).click();
    assertThat(mainText()).contains("your consent is confirmed");
    assertAccessible();
    assertOnlyOwnOrigin();

    signInToConsole();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Consent").setExact(true))
        .first()
        .click();
    assertThat(page.locator("h1").innerText()).isEqualTo("Consent");
    // Ada confirmed, Bo did not: one live consent and one pending, for the newsletter.
    assertThat(page.locator("#consent-counts tr:has(th:text-is('newsletter')) td").allInnerTexts())
        .containsExactly("1", "0", "1", "0", "0");
    // Nobody has unsubscribed: the suppression list is counted, and empty.
    assertThat(page.locator("#suppression").innerText()).isEqualTo("0");
    assertAccessible();

    page.navigate(origin + "/console/subjects?lang=en");
    page.getByLabel("Identity", new Page.GetByLabelOptions().setExact(true)).fill(ada);
    page.getByLabel("Purpose of the look-up").selectOption("newsletter");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Look up")).click();
    assertThat(page.locator("#consent-history tbody tr").allInnerTexts())
        .hasSize(2)
        .satisfiesExactly(
            first -> assertThat(first).contains("Pending confirmation").contains("newsletter"),
            second -> assertThat(second).contains("Given").contains("confirmation:"));
    assertAccessible();
    Download receipt =
        page.waitForDownload(
            () ->
                page.locator("#consent-history tbody tr")
                    .nth(1)
                    .getByRole(
                        AriaRole.LINK,
                        new com.microsoft.playwright.Locator.GetByRoleOptions()
                            .setName("signed receipt"))
                    .click());
    String json = Files.readString(receipt.path());
    assertThat(json).contains("\"signature\"").contains("\"event\":\"given\"");
    assertThat(node.consent().receipts().verify(json)).isTrue();

    page.navigate(origin + "/console/consent?lang=zh-CN");
    assertThat(page.locator("h1").innerText()).isEqualTo("同意");
    assertThat(mainText()).contains("待确认").contains("屏蔽名单");
    assertAccessible();
  }

  private void subscribe(String email) throws Exception {
    HttpResponse<String> answer =
        post("/api/v1/collect/newsletter", "{\"email\":\"" + email + "\",\"opt_in\":true}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
  }
}
