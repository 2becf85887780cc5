package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests made by someone for another person: an authorised agent under the CCPA (11 CCR §7063)
 * and a parent about a child (COPPA 16 CFR 312.6), each accessible in both languages.
 */
class RepresentativeRequestsBrowserIT extends BrowserTestBase {

  @Test
  void ccpaRequestByAnAgent_asksForTheAgent_onlyWhereAgentsAreAllowed_andTheAgentIsAcknowledged() {
    for (String lang : List.of("en", "zh-CN")) {
      open("/request/details?wish=see&residence=US-CA&lang=" + lang);
      assertThat(page.locator("#agentEmail").count()).isEqualTo(1);
      assertAccessible();
      // The GDPR as the bundled policy has it names no authorised agent: no agent fields.
      open("/request/details?wish=see&residence=GB&lang=" + lang);
      assertThat(page.locator("#agentEmail").count()).isZero();
    }

    String agent = "agent-" + System.nanoTime() + "@example.test";
    open("/request/details?wish=see&residence=US-CA&lang=en");
    page.getByLabel("Email address", new Page.GetByLabelOptions().setExact(true))
        .fill("consumer-" + System.nanoTime() + "@example.test");
    page.getByLabel("Their name").fill("Avery Agent");
    page.getByLabel("Their email address").fill(agent);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();
    String reference = page.locator("#reference").innerText().strip();
    assertThat(reference).matches("R-[A-Z0-9]{4}-[A-Z0-9]{4}");
    assertAccessible();

    String letter = awaitLetter(agent, "request you made for someone");
    assertThat(letter).contains(reference);
    assertOnlyOwnOrigin();
  }

  @Test
  void parentsRequestAboutAChild_takesTheChildsDetails_andShowsTheReference() {
    for (String lang : List.of("en", "zh-CN")) {
      open("/request/details?wish=child&residence=US&lang=" + lang);
      assertThat(page.locator("#childName").count()).isEqualTo(1);
      assertAccessible();
    }
    String parent = "parent-" + System.nanoTime() + "@example.test";
    open("/request/details?wish=child&residence=US&lang=en");
    page.getByLabel("Email address", new Page.GetByLabelOptions().setExact(true)).fill(parent);
    page.getByLabel("Child’s name").fill("Kim Child");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();
    String reference = page.locator("#reference").innerText().strip();
    assertThat(reference).matches("R-[A-Z0-9]{4}-[A-Z0-9]{4}");
    assertAccessible();

    String letter = awaitLetter(parent, reference);
    assertThat(letter).contains(reference);
    assertOnlyOwnOrigin();
  }
}
