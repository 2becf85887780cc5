package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The layout, the language switch and the console's sign-in in a real browser. */
class FoundationBrowserIT extends BrowserTestBase {

  @Test
  void home_inEachLanguage_isAccessible_andFetchesOnlyFromSteward() {
    open("/?lang=en");
    assertThat(page.locator("h1").innerText()).isEqualTo("Privacy center");
    assertAccessible();
    page.getByText("中文").first().click();
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("zh-CN");
    assertThat(page.locator("h1").innerText()).isEqualTo("隐私中心");
    assertAccessible();
    assertOnlyOwnOrigin();
  }

  @Test
  void consoleSignIn_isAccessible_inEachLanguage() {
    open("/console/sign-in?lang=en");
    assertAccessible();
    open("/console/sign-in?lang=zh-CN");
    assertThat(page.locator("h1").innerText()).isEqualTo("登录管理控制台");
    assertAccessible();
    assertOnlyOwnOrigin();
  }

  @Test
  void firstAdmin_signsIn_throughThePages() {
    signInToConsole();
    assertThat(page.locator("h1").innerText()).isEqualTo("Dashboard");
    assertAccessible();
  }
}
