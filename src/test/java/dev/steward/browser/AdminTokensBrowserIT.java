package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * An administrator creates an API token in the console: owner, name, scopes and lifetime; the
 * secret is shown once and works at once with the scopes chosen and no other; a form without a
 * scope is shown again with the message beside the field, in Chinese too.
 */
class AdminTokensBrowserIT extends BrowserTestBase {

  @Test
  void adminCreatesAToken_seesTheSecretOnce_andItWorksForItsScopesOnly() throws Exception {
    signInToConsole();
    open("/console/admin?lang=en");
    page.getByLabel("Owner")
        .selectOption(
            new com.microsoft.playwright.options.SelectOption().setLabel("Staff user admin"));
    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).first().fill("reporting");
    page.getByLabel("policy:read").check();
    page.getByLabel("Expires after (days)").fill("30");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create an API token"))
        .click();
    assertThat(page.locator("#issued-token").innerText()).contains("Token reporting was created");
    String secret = page.locator("#issued-token code").innerText().strip();
    assertThat(secret).isNotBlank();
    assertAccessible();

    assertThat(call("/api/v1/policy/versions", secret)).isEqualTo(200);
    assertThat(call("/api/v1/audit/entries", secret)).isEqualTo(403);
    open("/console/admin?lang=en");
    assertThat(page.content()).doesNotContain(secret);
    assertThat(
            page.locator("table")
                .filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("reporting"))
                .count())
        .isPositive();

    open("/console/admin?lang=zh-CN");
    page.locator("#tokenName").fill("no scopes");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("创建 API 令牌")).click();
    assertThat(mainText()).contains("请至少选择一个权限范围");
    assertAccessible();
    assertOnlyOwnOrigin();
  }

  private int call(String path, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(origin + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
