package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.PageClient;
import dev.steward.app.TestNodes;
import dev.steward.decision.Decision;
import dev.steward.decision.DecisionQuery;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityType;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Do Not Sell page over plain HTTP, as a browser without JavaScript uses it. */
class ConsentPagesTest {
  private static TestNodes.Running node;

  @BeforeAll
  static void start() {
    node =
        TestNodes.start(
            TestNodes.withPolicy(
                TestNodes.config(Engine.H2, TestNodes.http()),
                Path.of("src/test/resources/policy/decisions.yaml")));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static int optOutEvents() {
    return node.node()
        .database()
        .jdbi()
        .withHandle(
            h -> h.createQuery("select count(*) from opt_out_event").mapTo(Integer.class).one());
  }

  private static Decision saleDecisionFor(String email) {
    String hash = node.node().vault().index().hash(new Identity(IdentityType.EMAIL, email));
    return node.node()
        .decisions()
        .decide(
            new Principal.Anonymous(),
            new DecisionQuery(
                "ad-server",
                Party.identity(hash),
                "audience-sale",
                List.of("device.identifier"),
                null,
                null));
  }

  @Test
  void optOut_byTheForm_withAnEmail_showsItInForce_andTheNextDecisionDenies() {
    PageClient browser = new PageClient(node);
    HttpResponse<String> first = browser.get("/do-not-sell?lang=en");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().allValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith(ConsentPages.CONSENT_COOKIE + "="));
    assertThat(first.body()).contains("not opted out").doesNotContain("gpc-honoured");

    String done =
        PageClient.location(
            browser.post(
                "/do-not-sell", "identity.value", "dns-page@example.org", "kind", "sale_sharing"));
    assertThat(done).isEqualTo("/do-not-sell?done=1");
    assertThat(browser.get(done).body())
        .contains("Your choice is recorded")
        .contains("Sale and sharing of your personal information: opted out.");
    assertThat(saleDecisionFor("dns-page@example.org").reason())
        .isEqualTo("opted_out_sale_sharing");
  }

  @Test
  void optOut_withABadEmail_isShownAgainInChinese_andStoresNothing() {
    PageClient browser = new PageClient(node);
    browser.get("/do-not-sell?lang=zh-CN");
    int before = optOutEvents();
    HttpResponse<String> refused =
        browser.post("/do-not-sell", "identity.value", "not an address", "kind", "sale_sharing");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("请输入有效的电子邮件地址")
        .contains("value=\"not an address\"")
        .doesNotContain("Exception");
    assertThat(optOutEvents()).isEqualTo(before);
  }

  @Test
  void optOut_ofAnUnknownKind_isRefused_andStoresNothing() {
    PageClient browser = new PageClient(node);
    browser.get("/do-not-sell?lang=en");
    int before = optOutEvents();
    HttpResponse<String> refused = browser.post("/do-not-sell", "kind", "everything");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Choose one of the two buttons.");
    assertThat(optOutEvents()).isEqualTo(before);
  }

  @Test
  void limitSensitive_byTheForm_showsItLimited() {
    PageClient browser = new PageClient(node);
    browser.get("/do-not-sell?lang=en");
    browser.post("/do-not-sell", "identity.value", "", "kind", "sensitive_use");
    assertThat(browser.get("/do-not-sell").body())
        .contains("Use of your sensitive personal information: limited")
        .contains("Sale and sharing of your personal information: not opted out.");
  }

  @Test
  void visit_withGpc_isHonouredWithNoClick_andSaidSo() {
    PageClient browser = new PageClient(node).withHeader("Sec-GPC", "1");
    HttpResponse<String> page = browser.get("/do-not-sell?lang=en");
    assertThat(page.body())
        .contains("Global Privacy Control signal was honoured on")
        .contains("Sale and sharing of your personal information: opted out.");
  }

  @Test
  void visit_withAMalformedGpcHeader_changesNothing() {
    PageClient browser = new PageClient(node).withHeader("Sec-GPC", "true");
    int before = optOutEvents();
    HttpResponse<String> page = browser.get("/do-not-sell?lang=en");
    assertThat(page.body()).doesNotContain("gpc-honoured").contains("not opted out");
    assertThat(optOutEvents()).isEqualTo(before);
  }

  @Test
  void privacyCenterHome_linksToThePage() {
    assertThat(new PageClient(node).get("/?lang=zh-CN").body())
        .contains("href=\"/do-not-sell\"")
        .contains("请勿出售或共享我的个人信息");
  }
}
