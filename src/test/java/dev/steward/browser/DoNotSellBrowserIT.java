package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import dev.steward.consent.ConsentPages;
import dev.steward.consent.Party;
import dev.steward.decision.Decision;
import dev.steward.decision.DecisionQuery;
import dev.steward.principal.Principal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Do Not Sell or Share" in a real browser: opting out by the form without GPC, and a browser that
 * sends {@code Sec-GPC: 1} honoured on the visit with no click; accessible in both languages.
 */
class DoNotSellBrowserIT extends BrowserTestBase {

  @Override
  protected StewardConfig configure(StewardConfig config) {
    return TestNodes.withPolicy(config, Path.of("src/test/resources/policy/decisions.yaml"));
  }

  private String consentId() {
    return context.cookies(origin).stream()
        .filter(c -> c.name.equals(ConsentPages.CONSENT_COOKIE))
        .map(c -> c.value)
        .findFirst()
        .orElseThrow();
  }

  private Decision saleDecision(String device) {
    return node.decisions()
        .decide(
            new Principal.Anonymous(),
            new DecisionQuery(
                "ad-server",
                Party.device(device, "device"),
                "audience-sale",
                List.of("device.identifier"),
                null,
                null));
  }

  @Test
  void withoutGpc_thePersonOptsOutByTheForm_andTheNextDecisionDenies() {
    open("/?lang=en");
    page.getByRole(
            AriaRole.LINK,
            new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Do Not Sell or Share My Personal Information")
                .setExact(true))
        .first()
        .click();
    assertThat(mainText()).contains("not opted out").doesNotContain("Global Privacy Control");
    assertAccessible();
    String device = consentId();
    assertThat(saleDecision(device).allowed()).isTrue();

    page.getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Do not sell or share my personal information"))
        .click();
    assertThat(mainText())
        .contains("Your choice is recorded")
        .contains("Sale and sharing of your personal information: opted out.");
    assertThat(saleDecision(device).reason()).isEqualTo("opted_out_sale_sharing");
    assertAccessible();
    assertOnlyOwnOrigin();
  }

  @Test
  void withGpc_theVisitIsHonouredWithNoClick_inBothLanguages() {
    context.setExtraHTTPHeaders(Map.of("Sec-GPC", "1"));
    open("/do-not-sell?lang=en");
    assertThat(mainText())
        .contains("Global Privacy Control signal was honoured on")
        .contains("Sale and sharing of your personal information: opted out.");
    assertAccessible();
    assertThat(saleDecision(consentId()).reason()).isEqualTo("opted_out_sale_sharing");

    open("/do-not-sell?lang=zh-CN");
    assertThat(mainText()).contains("全球隐私控制").doesNotContain("Global Privacy Control");
    assertThat(mainText()).doesNotContainPattern("[A-Za-z]{4,}");
    assertAccessible();
  }

  @Test
  void chinesePage_withABadEmail_isReadable_andAccessible() {
    open("/do-not-sell?lang=zh-CN");
    page.getByLabel("电子邮件地址（可选）").fill("not an address");
    page.getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Page.GetByRoleOptions().setName("请勿出售或共享我的个人信息"))
        .click();
    assertThat(mainText()).contains("请输入有效的电子邮件地址");
    assertAccessible();
  }
}
