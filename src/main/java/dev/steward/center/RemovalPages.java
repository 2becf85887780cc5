package dev.steward.center;

import dev.steward.error.ForbiddenException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.UnauthenticatedException;
import dev.steward.principal.Authenticator;
import dev.steward.principal.Principal;
import dev.steward.request.Requests;
import dev.steward.web.Access;
import dev.steward.web.FormErrors;
import dev.steward.web.PageCall;
import dev.steward.web.PageLanguage;
import dev.steward.web.PageRoute;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;

/**
 * Business customers ask for copies of their content to leave the network. The account's token (the
 * one the API takes) identifies the customer, so the form files exactly what the API would.
 */
public final class RemovalPages {
  private final Requests requests;
  private final Authenticator authenticator;

  public RemovalPages(Requests requests, Authenticator authenticator) {
    this.requests = requests;
    this.authenticator = authenticator;
  }

  void addTo(RouteRegistry registry) {
    registry.addPage(
        PageRoute.get(
            "/content-removal",
            CenterPages.PAGE,
            page -> page.render("center/removal.jte", new RemovalForm("", "", FormErrors.none()))));
    registry.addPage(
        PageRoute.post("/content-removal", Access.open(PublicKind.INTAKE), this::submit));
    registry.addPage(
        PageRoute.get(
            "/content-removal/sent",
            CenterPages.PAGE,
            page ->
                page.render(
                    "center/removal-sent.jte", new RequestPages.Sent(page.query("reference")))));
  }

  private void submit(PageCall page) {
    String email = page.form("email");
    String details = page.form("details");
    String token = page.formRaw("token").strip();
    Principal caller;
    try {
      caller =
          token.isEmpty()
              ? new Principal.Anonymous()
              : authenticator.authenticate("Bearer " + token);
    } catch (UnauthenticatedException e) {
      caller = new Principal.Anonymous();
    }
    try {
      String reference =
          requests.submitContentRemoval(
              caller,
              email,
              details.isEmpty() ? null : details,
              language(page),
              dev.steward.policy.Channel.WEB_FORM);
      page.redirect("/content-removal/sent?reference=" + RequestPages.encode(reference));
    } catch (ForbiddenException e) {
      page.render(
          403,
          "center/removal.jte",
          new RemovalForm(
              email,
              details,
              FormErrors.of("token", page.text().get("center.removal.error.token"))));
    } catch (InvalidInputException e) {
      page.render(
          400,
          "center/removal.jte",
          new RemovalForm(email, details, FormErrors.from(e, page.text(), "center.removal")));
    }
  }

  private static String language(PageCall page) {
    return page.language() == PageLanguage.ZH_CN ? "zh-CN" : "en";
  }

  /** The form, with what was typed (never the token). */
  public record RemovalForm(String email, String details, FormErrors errors) {}
}
