package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import dev.steward.config.StewardConfig;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentPages;
import dev.steward.consent.Party;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicySnapshot;
import dev.steward.principal.Principal;
import dev.steward.web.HttpSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The cookie banner in a real browser, included by a page of another origin (the company's site,
 * here a small static server on {@code localhost}, while Steward is on {@code 127.0.0.1}): it asks,
 * works with the keyboard alone, passes axe, keeps the choice server-side under the site's own
 * consent-id cookie, tells the page, asks again for a new notice revision, and with {@code Sec-GPC:
 * 1} and {@code navigator.globalPrivacyControl} keeps advertising off and records it as GPC. The
 * choices show in the console, and the privacy center's cookie settings page reopens them.
 */
class BannerBrowserIT extends BrowserTestBase {
  private static final Principal SYSTEM = new Principal.System("test");
  private HttpServer site;
  private String siteOrigin;
  private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

  @Override
  protected StewardConfig configure(StewardConfig config) {
    startSite();
    HttpSettings http = config.http();
    return new StewardConfig(
        config.dataDir(),
        config.store(),
        config.keyring(),
        new HttpSettings(
            http.host(),
            http.port(),
            http.maxBodyBytes(),
            http.publicPerMinute(),
            http.publicBurst(),
            List.of(siteOrigin),
            http.publicUrl()),
        config.policyFile(),
        config.keysDir(),
        config.keyVariables(),
        config.passwordHashing(),
        config.phoneRegion(),
        config.mail());
  }

  /** The company's page: it includes the banner and shows what the banner told it. */
  private void startSite() {
    try {
      site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    siteOrigin = "http://localhost:" + site.getAddress().getPort();
    site.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String body;
          String type;
          if (path.equals("/site.js")) {
            type = "text/javascript";
            body =
                "document.addEventListener('steward:consent', function (e) {"
                    + " document.getElementById('told').textContent ="
                    + " JSON.stringify(e.detail.choices); });";
          } else if (path.equals("/")) {
            type = "text/html; charset=utf-8";
            int port = node.port();
            body =
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Example shop</title></head><body><main><h1>Example shop</h1>"
                    + "<p>Told: <span id=\"told\">nothing</span></p>"
                    + "<button type=\"button\" data-steward-consent-open hidden>Cookies</button>"
                    + "</main><script src=\"/site.js\"></script>"
                    + "<script src=\"http://127.0.0.1:"
                    + port
                    + "/consent.js\" defer></script></body></html>";
          } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", type);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    site.start();
  }

  @AfterAll
  void stopSite() {
    if (site != null) {
      site.stop(0);
    }
  }

  private Page openSite() {
    seen.clear();
    page.onRequest(request -> seen.add(request.url()));
    page.navigate(siteOrigin + "/");
    return page;
  }

  private Locator dialog() {
    return page.getByRole(
        AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Cookies on this site"));
  }

  private String siteConsentId() {
    return context.cookies(siteOrigin).stream()
        .filter(c -> c.name.equals(ConsentPages.CONSENT_COOKIE))
        .map(c -> c.value)
        .findFirst()
        .orElseThrow();
  }

  private List<ConsentEvent> ledger(String device) {
    return node.consent().ledger().history(SYSTEM, Party.device(device, "device"));
  }

  private static String summary(List<ConsentEvent> events) {
    List<String> lines = new ArrayList<>();
    for (ConsentEvent e : events) {
      lines.add(e.purposes().get(0) + " " + e.kind().code() + " " + e.evidence().split(";")[0]);
    }
    Collections.sort(lines);
    return String.join(", ", lines);
  }

  private void assertOnlySiteAndSteward() {
    assertThat(List.copyOf(seen))
        .isNotEmpty()
        .allSatisfy(
            url ->
                assertThat(url)
                    .satisfiesAnyOf(
                        u -> assertThat(u).startsWith(siteOrigin + "/"),
                        u -> assertThat(u).startsWith(origin + "/")));
  }

  /** The console's row for a category: browsers on, off, off by GPC. */
  private String consoleRow(String category) {
    open("/console/cookies?lang=en");
    for (String line : page.locator("#banner-counts tbody").innerText().split("\n")) {
      if (line.startsWith(category + "\t")) {
        return line.substring(category.length() + 1);
      }
    }
    throw new AssertionError("no row for " + category);
  }

  private static String plus(String row, int on, int off) {
    String[] n = row.split("\t");
    return (Long.parseLong(n[0]) + on) + "\t" + (Long.parseLong(n[1]) + off) + "\t" + n[2];
  }

  @Test
  void theBanner_asksOnAnotherOrigin_isKeyboardOperable_andKeepsTheChoiceServerSide() {
    // Other tests of this class share the node: the console's counts are compared before/after.
    signInToConsole();
    String analyticsBefore = consoleRow("Analytics");
    String advertisingBefore = consoleRow("Advertising");
    openSite();
    assertThat(dialog()).isNotNull();
    dialog().waitFor();
    assertThat(page.evaluate("document.activeElement.id")).isEqualTo("steward-consent-title");
    assertThat(dialog().innerText()).contains("Analytics").contains("Advertising");
    assertAccessible();

    // Keyboard only: analytics on, advertising left off, save.
    page.keyboard().press("Tab");
    assertThat(page.evaluate("document.activeElement.id")).isEqualTo("steward-consent-analytics");
    page.keyboard().press("Space");
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("Save my choices");
    // Focus stays in the dialog: past its last control it comes back to the first.
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    assertThat(page.evaluate("document.activeElement.id")).isEqualTo("steward-consent-analytics");
    page.keyboard().press("Shift+Tab");
    page.keyboard().press("Shift+Tab");
    page.keyboard().press("Enter");

    page.waitForFunction("document.getElementById('told').textContent !== 'nothing'");
    assertThat(dialog().count()).isZero();
    assertThat(page.locator("#told").innerText())
        .isEqualTo("{\"analytics\":true,\"advertising\":false}");
    String device = siteConsentId();
    assertThat(summary(ledger(device)))
        .isEqualTo("cookies:advertising refused choice, cookies:analytics given choice");
    assertThat(ledger(device)).allSatisfy(e -> assertThat(e.method()).isEqualTo("banner"));
    assertOnlySiteAndSteward();

    // A later visit is not asked again, and the page is told the choice at once.
    openSite();
    page.waitForFunction("window.Steward && window.Steward.consent !== null");
    assertThat(page.evaluate("window.Steward.consent.choices.analytics")).isEqualTo(true);
    assertThat(dialog().count()).isZero();

    // The console counts the choice.
    assertThat(consoleRow("Analytics")).isEqualTo(plus(analyticsBefore, 1, 0));
    assertThat(consoleRow("Advertising")).isEqualTo(plus(advertisingBefore, 0, 1));
    assertAccessible();

    // A new notice revision asks again.
    node.policies()
        .publish(
            PolicySnapshot.ofText(
                PolicyChecker.BUNDLED_RESOURCE,
                PolicyChecker.bundledText()
                    .replaceFirst("(?m)^version: .*$", "version: \"2019-12\"")),
            SYSTEM);
    openSite();
    dialog().waitFor();
    assertThat(page.getByLabel("Analytics").isChecked()).isFalse();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject all")).click();
    page.waitForFunction("document.getElementById('told').textContent !== 'nothing'");
    assertThat(ledger(device))
        .filteredOn(e -> e.noticeVersion().equals("2019-12"))
        .extracting(e -> e.kind().code())
        .containsExactlyInAnyOrder("withdrawn", "refused");
  }

  @Test
  void withGpc_advertisingStaysOff_andIsRecordedAsGpc_evenOnAcceptAll() {
    context.setExtraHTTPHeaders(Map.of("Sec-GPC", "1"));
    context.addInitScript(
        "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl',"
            + " {get: () => true, configurable: true});");
    openSite();
    dialog().waitFor();
    Locator advertising = page.getByLabel("Advertising");
    assertThat(advertising.isDisabled()).isTrue();
    assertThat(advertising.isChecked()).isFalse();
    assertThat(dialog().innerText()).contains("Global Privacy Control");
    assertAccessible();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept all")).click();
    page.waitForFunction("document.getElementById('told').textContent !== 'nothing'");
    assertThat(page.locator("#told").innerText())
        .isEqualTo("{\"analytics\":true,\"advertising\":false}");
    assertThat(page.evaluate("window.Steward.consent.gpc.join()")).isEqualTo("advertising");
    String device = siteConsentId();
    assertThat(summary(ledger(device)))
        .isEqualTo("cookies:advertising refused gpc, cookies:analytics given choice");
    assertThat(node.consent().requests().state(device).optedOut())
        .containsEntry("sale_sharing", "gpc");
    assertOnlySiteAndSteward();
  }

  @Test
  void withoutGpc_acceptAllTurnsAdvertisingOn_andNothingIsRecordedAsGpc() {
    openSite();
    dialog().waitFor();
    assertThat(page.getByLabel("Advertising").isDisabled()).isFalse();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept all")).click();
    page.waitForFunction("document.getElementById('told').textContent !== 'nothing'");
    String device = siteConsentId();
    assertThat(summary(ledger(device)))
        .isEqualTo("cookies:advertising given choice, cookies:analytics given choice");
    assertThat(node.consent().requests().state(device).optedOut()).isEmpty();

    // The page's own button reopens the banner, with the choice shown, and Escape closes it.
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cookies")).click();
    dialog().waitFor();
    assertThat(page.getByLabel("Advertising").isChecked()).isTrue();
    page.keyboard().press("Escape");
    assertThat(dialog().count()).isZero();
    assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("Cookies");
  }

  @Test
  void theCookieSettingsPage_showsTheChoice_andWhenGpcWasHonoured_inBothLanguages() {
    open("/cookies?lang=en");
    assertThat(mainText()).contains("You have not made a choice for the current notice yet.");
    dialog().waitFor();
    assertAccessible();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject all")).click();
    page.waitForURL(url -> true);
    page.locator("#current-choice li").first().waitFor();
    assertThat(page.locator("#current-choice").innerText())
        .contains("Analytics: off")
        .contains("Advertising: off");
    assertThat(dialog().count()).isZero();

    // Without JavaScript's banner, the page's form changes the choice too.
    page.getByLabel("Analytics").check();
    page.getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my choices").setExact(true))
        .last()
        .click();
    assertThat(mainText()).contains("Your choice is saved.").contains("Analytics: on");
    String device =
        context.cookies(origin).stream()
            .filter(c -> c.name.equals(ConsentPages.CONSENT_COOKIE))
            .map(c -> c.value)
            .findFirst()
            .orElseThrow();
    assertThat(summary(ledger(device))).contains("cookies:analytics given choice");
    assertAccessible();

    context.setExtraHTTPHeaders(Map.of("Sec-GPC", "1"));
    open("/cookies?lang=zh-CN");
    assertThat(mainText()).contains("全球隐私控制信号已于");
    assertThat(page.getByLabel("广告").isDisabled()).isTrue();
    assertAccessible();
  }
}
