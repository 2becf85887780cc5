package dev.steward.console;

import dev.steward.access.StaffWebSessions;
import dev.steward.error.InvalidInputException;
import dev.steward.error.RateLimitedException;
import dev.steward.error.UnauthenticatedException;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.FormErrors;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;

/**
 * The staff console's entry: sign-in, the first password change and sign-out; the landing page is
 * the {@link DashboardPage}. Sign-in goes through the same {@code SignIn} as the API, so throttling
 * and locks are shared; the cookie session adds an idle timeout ({@link StaffWebSessions}).
 */
public final class ConsolePages {
  /** Every signed-in staff member holds this permission, whatever the role. */
  static final Access ANY_STAFF = Access.requires(Permission.TOKENS_MANAGE);

  private final StaffWebSessions sessions;

  public ConsolePages(StaffWebSessions sessions) {
    this.sessions = sessions;
  }

  public void addTo(RouteRegistry registry) {
    Access signIn = Access.open(PublicKind.SIGN_IN);
    registry.addPage(
        PageRoute.get(
            RouteRegistry.SIGN_IN_PAGE,
            signIn,
            page -> page.render("console/sign-in.jte", SignInForm.empty())));
    registry.addPage(PageRoute.post(RouteRegistry.SIGN_IN_PAGE, signIn, this::signIn));
    registry.addPage(
        PageRoute.get(
            RouteRegistry.PASSWORD_PAGE,
            ANY_STAFF,
            page ->
                page.render(
                    "console/password.jte",
                    new PasswordForm(
                        sessions.mustChangePassword(page.caller()), FormErrors.none()))));
    registry.addPage(PageRoute.post(RouteRegistry.PASSWORD_PAGE, ANY_STAFF, this::changePassword));
    registry.addPage(
        PageRoute.post(
            RouteRegistry.SIGN_OUT_PAGE,
            ANY_STAFF,
            page -> {
              sessions.signOut(page.caller());
              page.endStaffSession();
              page.redirect(RouteRegistry.SIGN_IN_PAGE + "?signedOut=1");
            }));
  }

  private void signIn(PageCall page) {
    String username = page.form("username");
    try {
      StaffWebSessions.Started started =
          sessions.signIn(username, page.formRaw("password"), page.staffSecret());
      page.startStaffSession(started.secret());
      page.redirect(started.mustChangePassword() ? RouteRegistry.PASSWORD_PAGE : "/console");
    } catch (UnauthenticatedException e) {
      page.render(
          401,
          "console/sign-in.jte",
          new SignInForm(
              username, FormErrors.of("password", page.text().get("console.signIn.wrong"))));
    } catch (RateLimitedException e) {
      long seconds = Math.max(1, e.retryAfter().plusMillis(999).toSeconds());
      page.ctx().header("Retry-After", Long.toString(seconds));
      page.render(
          429,
          "console/sign-in.jte",
          new SignInForm(
              username, FormErrors.of("", page.text().get("console.signIn.throttled", seconds))));
    }
  }

  private void changePassword(PageCall page) {
    boolean firstTime = sessions.mustChangePassword(page.caller());
    String next = page.formRaw("newPassword");
    if (!next.equals(page.formRaw("confirmPassword"))) {
      page.render(
          400,
          "console/password.jte",
          new PasswordForm(
              firstTime,
              FormErrors.of("confirmPassword", page.text().get("console.password.mismatch"))));
      return;
    }
    try {
      StaffWebSessions.Started started =
          sessions.changePassword(page.caller(), page.formRaw("currentPassword"), next);
      page.startStaffSession(started.secret());
      page.redirect("/console?passwordChanged=1");
    } catch (InvalidInputException e) {
      page.render(
          400,
          "console/password.jte",
          new PasswordForm(firstTime, FormErrors.from(e, page.text(), "console.password")));
    }
  }

  /**
   * @param username as typed, shown again after a refusal; never the password
   */
  public record SignInForm(String username, FormErrors errors) {
    static SignInForm empty() {
      return new SignInForm("", FormErrors.none());
    }
  }

  /**
   * @param firstTime the account still has its one-time password
   */
  public record PasswordForm(boolean firstTime, FormErrors errors) {}
}
