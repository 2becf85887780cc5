package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.web.Messages;
import dev.steward.web.PageLanguage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The privacy center as a newcomer uses it: from the home page to a confirmed request, by mouse and
 * by keyboard alone, in both languages, accessible, and fetching nothing from elsewhere.
 */
class PrivacyCenterBrowserIT extends BrowserTestBase {
  private static final Map<String, String> ENGLISH = Messages.load().of(PageLanguage.EN);
  private static final Map<String, String> CHINESE = Messages.load().of(PageLanguage.ZH_CN);

  /** Every public page, with query strings that make it show its content. */
  private static final List<String> PUBLIC_PAGES =
      List.of(
          "/",
          "/request",
          "/request?wish=see&residence=US-CA",
          "/request/details?wish=see&residence=GB",
          "/request/details?wish=see&residence=US-CA",
          "/request/details?wish=child&residence=US",
          "/request/details?wish=nonsense&residence=",
          "/request/sent?reference=R-ABCD-2345",
          "/verify?reference=R-ABCD-2345",
          "/verify/done?reference=R-ABCD-2345",
          "/verify/documents?reference=R-ABCD-2345",
          "/verify/data-points?reference=R-ABCD-2345",
          "/status",
          "/content-removal",
          "/content-removal/sent?reference=R-ABCD-2345",
          "/status/code?challenge=00000000-0000-0000-0000-000000000000",
          "/no-such-page",
          "/console/sign-in");

  private static final Map<String, Integer> EXPECTED_STATUS =
      Map.of("/request/details?wish=nonsense&residence=", 400, "/no-such-page", 404);

  @Test
  void newcomer_makesAnAccessRequest_confirmsItWithTheMailedCode_andSeesItConfirmed() {
    String email = "newcomer@example.test";
    open("/?lang=en");
    page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Make a request about your data"))
        .click();
    page.getByLabel("See my data").check();
    // Under PIPL the bundled policy asks only for the emailed code (no documents).
    page.getByLabel("Where do you live?").selectOption("CN");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
    page.getByLabel("Email address").fill(email);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();

    String reference = page.locator("#reference").innerText().strip();
    assertThat(reference).matches("R-[A-Z0-9]{4}-[A-Z0-9]{4}");
    assertOnlyOwnOrigin();

    String letter = awaitLetter(email, "verification code");
    String code = find(letter, "(?m)^\\s+(\\d{4,10})\\s*$");
    String link = find(letter, "(https?://\\S+/verify\\?reference=\\S+)");
    assertThat(link).startsWith(origin + "/verify?reference=" + reference);

    page.navigate(link);
    assertThat(page.getByLabel("Reference").inputValue()).isEqualTo(reference);
    page.getByLabel("Code").fill(code);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
    assertThat(page.locator("h1").innerText()).isEqualTo("Request confirmed");

    // The status page: sign in with a code sent to the same address, then see the request.
    page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Check where your request stands"))
        .click();
    page.getByLabel("Email address").fill(email);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a code")).click();
    String signInLetter = awaitLetter(email, "sign-in code");
    page.getByLabel("Code").fill(find(signInLetter, "(?m)^\\s+(\\d{4,10})\\s*$"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See my requests")).click();
    String listing = mainText();
    assertThat(listing).contains(reference).contains("See my data");
    assertThat(listing).containsAnyOf("Confirmed, waiting to be worked on", "Being worked on");
    // The letters written about the request, by what they say and when they left.
    assertThat(listing).contains("Your confirmation code: 20").contains("Letters we sent");
    assertAccessible();
    assertOnlyOwnOrigin();
  }

  @Test
  void gdprErasure_takesProofOfIdentity_uploadedOnThePage_neverByMail() {
    String email = "erasure@example.test";
    open("/request?lang=en");
    page.getByLabel("Delete my data").check();
    page.getByLabel("Where do you live?").selectOption("FR");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
    page.getByLabel("Email address").fill(email);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();
    String reference = page.locator("#reference").innerText().strip();

    String letter = awaitLetter(email, "What we need to verify");
    String token = find(letter, "(?m)^\\s+([A-Z0-9]{20,})\\s*$");
    String link = find(letter, "(https?://\\S+/verify/documents\\?reference=[A-Z0-9-]+)");
    assertThat(link).isEqualTo(origin + "/verify/documents?reference=" + reference);

    page.navigate(link);
    page.getByLabel("Access key").fill(token);
    page.getByLabel("What does this document show?").selectOption("identity");
    page.getByLabel("Document", new Page.GetByLabelOptions().setExact(true))
        .setInputFiles(
            new com.microsoft.playwright.options.FilePayload(
                "passport.pdf",
                "application/pdf",
                "%PDF-1.4\n% a scan\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
    assertThat(page.locator("[role=status]").innerText()).contains("we have the document");
    assertAccessible();
    assertOnlyOwnOrigin();
  }

  @Test
  void requestForm_withoutAnyWayToReachThePerson_isShownAgain_withItsMessage_andStoresNothing() {
    open("/request/details?wish=delete&residence=FR&lang=en");
    page.getByLabel("Anything else we should know (optional)").fill("my old account");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();
    assertThat(page.locator(".error-summary").innerText())
        .contains("Give an email address, a phone number or both");
    assertThat(page.getByLabel("Anything else we should know (optional)").inputValue())
        .isEqualTo("my old account");
    assertAccessible();
    int before = mail.getReceivedMessages().length;
    assertThat(page.url()).doesNotContain("/request/sent");
    assertThat(mail.getReceivedMessages()).hasSize(before);
  }

  @Test
  void requestForm_isUsable_withTheKeyboardAlone_fromStartToReference() {
    open("/request?lang=en");
    tabTo("#wish-see");
    page.keyboard().press("Space");
    tabTo("#residence");
    page.keyboard().type("United K");
    tabTo("button[type=submit]");
    page.keyboard().press("Enter");
    page.waitForURL("**/request/details**");
    tabTo("#email");
    page.keyboard().type("keyboard@example.test");
    tabTo("main button[type=submit]");
    page.keyboard().press("Enter");
    page.waitForURL("**/request/sent**");
    assertThat(page.locator("#reference").innerText()).matches("R-[A-Z0-9]{4}-[A-Z0-9]{4}");
  }

  @Test
  void everyPublicPage_inBothLanguages_isAccessible_andLoadsOnlyFromSteward() {
    for (String lang : List.of("en", "zh-CN")) {
      for (String path : PUBLIC_PAGES) {
        int status =
            page.navigate(origin + path + (path.contains("?") ? "&" : "?") + "lang=" + lang)
                .status();
        assertThat(status).as(path).isEqualTo(EXPECTED_STATUS.getOrDefault(path, 200));
        assertThat(page.locator("html").getAttribute("lang")).as(path).isEqualTo(lang);
        assertAccessible();
      }
    }
    assertOnlyOwnOrigin();
  }

  @Test
  void chinesePages_showNoEnglishSentence() {
    for (String path : PUBLIC_PAGES) {
      open(path + (path.contains("?") ? "&" : "?") + "lang=zh-CN");
      // Quotations of the policy and names in another language carry their own lang attribute.
      String text =
          (String)
              page.evaluate(
                  "() => { const b = document.body.cloneNode(true);"
                      + " b.querySelectorAll('[lang]:not([lang^=zh])').forEach(e => e.remove());"
                      + " return b.innerText; }");
      assertThat(text).as(path).doesNotContainPattern("[A-Za-z]{2,}[ ,]+[A-Za-z]{2,} [A-Za-z]{2,}");
      ENGLISH.forEach(
          (key, english) -> {
            // Words only: a separator such as ", " is punctuation the pages share with Chinese.
            boolean words = english.contains(" ") && english.chars().anyMatch(Character::isLetter);
            if (words && !english.equals(CHINESE.get(key))) {
              assertThat(text).as(path + " shows the English of " + key).doesNotContain(english);
            }
          });
    }
  }

  @Test
  void home_linksThePublicRegisters_inEachLanguage() {
    open("/?lang=en");
    page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Our processors and sub-processors"))
        .click();
    assertThat(page.url()).startsWith(origin + "/registers/sub-processors");
    assertThat(page.locator("h1").count()).isEqualTo(1);
    open("/?lang=zh-CN");
    assertThat(mainText()).contains("您可以查阅的登记册");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我们的跨境数据传输及其保障措施")).click();
    assertThat(page.url()).startsWith(origin + "/registers/transfers");
    assertThat(page.locator("html").getAttribute("lang")).startsWith("zh");
    assertOnlyOwnOrigin();
  }

  @Test
  void publicPages_weighUnder100KilobytesTransferred() {
    for (String path : List.of("/", "/request", "/request/details?wish=see&residence=US-CA")) {
      long[] bytes = {0};
      page.onResponse(
          response -> {
            byte[] body = response.body();
            bytes[0] += body == null ? 0 : body.length;
          });
      open(path);
      page.waitForLoadState();
      assertThat(bytes[0]).as(path).isLessThan(100_000);
    }
  }

  /** Presses Tab until the element matching {@code selector} has the focus. */
  private void tabTo(String selector) {
    for (int i = 0; i < 60; i++) {
      boolean focused = (Boolean) page.evaluate("s => document.activeElement.matches(s)", selector);
      if (focused) {
        return;
      }
      page.keyboard().press("Tab");
    }
    throw new AssertionError("Tab never reached " + selector);
  }
}
