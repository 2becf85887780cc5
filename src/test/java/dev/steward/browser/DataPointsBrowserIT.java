package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.principal.Principal;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityType;
import dev.steward.vault.NewSubject;
import dev.steward.vault.ReturningPerson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * CCPA verification on the privacy center's page (11 CCR §7060–7062): a Californian gives data
 * points that match what the business holds and signs the declaration under penalty of perjury, and
 * the request is verified without staff.
 */
class DataPointsBrowserIT extends BrowserTestBase {
  private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

  @Test
  void matchingDataPoints_andTheSignedDeclaration_verifyACaliforniaRequest() throws Exception {
    String email = "dana-" + System.nanoTime() + "@example.com";
    String name = "Dana Reyes " + UUID.randomUUID().toString().substring(0, 8);
    String address = "1 Main St, Fresno " + System.nanoTime();
    node.vault()
        .vault()
        .createSubject(
            new Principal.System("test"),
            NewSubject.of(
                "customer-contacts",
                List.of(
                    Identity.email(email),
                    Identity.name(name),
                    new Identity(IdentityType.POSTAL_ADDRESS, address))),
            ReturningPerson.REFUSE);
    HttpResponse<String> submitted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(origin + "/api/v1/public/requests"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"type\":\"know_specific\",\"residence\":\"US-CA\","
                                + "\"identity\":{\"email\":\""
                                + email
                                + "\"}}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String reference = find(submitted.body(), "\"reference\"\\s*:\\s*\"([^\"]+)\"");
    String token =
        find(decoded(awaitLetter(email, "What we need to verify")), "access key:\\s+(\\S+)");

    open("/verify/data-points?lang=en&reference=" + reference);
    page.getByLabel("Reference", EXACT).fill(reference);
    page.getByLabel("Access key", EXACT).fill(token);
    page.getByLabel("Full name", EXACT).fill(name.toLowerCase(java.util.Locale.ROOT));
    page.getByLabel("Postal address", EXACT).fill(address);
    page.getByLabel("Email address", EXACT).fill(email);
    // Without the declaration the page asks for it and nothing is verified.
    page.getByLabel("Signed with my full name").fill(name);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
    assertThat(page.locator(".field-error").count()).isPositive();
    assertThat(mainText()).doesNotContain("We will write to you with the outcome.");
    assertAccessible();

    page.getByLabel("Signed with my full name").fill(name);
    page.getByLabel("Access key", EXACT).fill(token);
    page.getByLabel("I declare under penalty of perjury", new Page.GetByLabelOptions()).check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
    assertThat(mainText()).contains("Thank you. We will write to you with the outcome.");
    assertAccessible();
    assertOnlyOwnOrigin();

    signInToConsole();
    open("/console/requests?lang=en");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
    assertThat(page.locator("dl.summary strong").first().innerText()).isEqualTo("Verified");
  }
}
