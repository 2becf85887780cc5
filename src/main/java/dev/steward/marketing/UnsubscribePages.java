package dev.steward.marketing;

import dev.steward.consent.Subscriptions;
import dev.steward.error.StewardException;
import dev.steward.web.Access;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;

/**
 * The privacy center's unsubscribe pages, reached from the link in a marketing mail. The GET page
 * only asks (mail scanners follow links, so opening it must change nothing); its button posts the
 * confirmation, which leaves what the link names and shows the done page. A forged or altered link
 * gets a 403 page saying so, and nothing changes.
 */
public final class UnsubscribePages {
  private static final Access PAGE = Access.open(PublicKind.PRIVACY_CENTER);
  private static final Access POST = Access.open(PublicKind.INTAKE);

  private final Unsubscribing unsubscribing;

  UnsubscribePages(Unsubscribing unsubscribing) {
    this.unsubscribing = unsubscribing;
  }

  /** What the pages show: the token, and what it unsubscribes from. */
  public record View(String token, String purpose, String topic) {}

  public void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get("/unsubscribe/{token}", PAGE, this::ask));
    registry.addPage(PageRoute.post("/unsubscribe/{token}/confirm", POST, this::confirm));
    registry.addPage(PageRoute.get("/unsubscribe/{token}/done", PAGE, this::done));
  }

  private void ask(PageCall page) {
    render(page, "marketing/unsubscribe.jte");
  }

  private void confirm(PageCall page) {
    String token = page.pathParam("token");
    try {
      unsubscribing.unsubscribe(page.caller(), token, Subscriptions.Source.LINK);
    } catch (StewardException e) {
      page.error(e.httpStatus(), page.text().get("marketing.unsubscribe.invalid"));
      return;
    }
    page.redirect("/unsubscribe/" + token + "/done");
  }

  private void done(PageCall page) {
    render(page, "marketing/unsubscribe-done.jte");
  }

  private void render(PageCall page, String template) {
    String token = page.pathParam("token");
    Unsubscribing.Subject subject;
    try {
      subject = unsubscribing.describe(token, page.language());
    } catch (StewardException e) {
      page.error(e.httpStatus(), page.text().get("marketing.unsubscribe.invalid"));
      return;
    }
    page.render(template, new View(token, subject.purposeName(), subject.topicName()));
  }
}
