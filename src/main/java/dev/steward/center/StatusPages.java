package dev.steward.center;

import dev.steward.access.SubjectSessions;
import dev.steward.error.InvalidInputException;
import dev.steward.error.StewardException;
import dev.steward.fulfilment.PackageLinks;
import dev.steward.principal.Authenticator;
import dev.steward.principal.Principal;
import dev.steward.request.OwnRequest;
import dev.steward.request.Requests;
import dev.steward.request.UnableToVerifyException;
import dev.steward.session.SubjectSignIn;
import dev.steward.web.Access;
import dev.steward.web.FormErrors;
import dev.steward.web.PageCall;
import dev.steward.web.PageLanguage;
import dev.steward.web.PageRoute;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where people see their requests: they sign in with a code sent to their email address (the
 * existing subject sign-in), and the page lists each request with its state and due date, and, for
 * a completed access or portability request, the download of its package while it may be had. The
 * session lives in an HttpOnly cookie for its 30 minutes.
 */
public final class StatusPages {
  static final String COOKIE = "steward-person";
  private static final Duration SESSION = Duration.ofMinutes(30);
  private static final Access POST = Access.open(PublicKind.INTAKE);
  private static final java.util.Set<String> THEN = java.util.Set.of("preferences");

  private final SubjectSignIn signIn;
  private final Requests requests;
  private final Authenticator authenticator;
  private final PackageLinks packages;

  public StatusPages(
      SubjectSignIn signIn, Requests requests, Authenticator authenticator, PackageLinks packages) {
    this.signIn = signIn;
    this.requests = requests;
    this.authenticator = authenticator;
    this.packages = packages;
  }

  void addTo(RouteRegistry registry) {
    registry.addPage(
        PageRoute.get(
            "/status",
            CenterPages.PAGE,
            page ->
                page.render(
                    "center/status-start.jte",
                    new EmailForm("", then(page.query("then")), FormErrors.none()))));
    registry.addPage(PageRoute.post("/status", POST, this::start));
    registry.addPage(
        PageRoute.get(
            "/status/code",
            CenterPages.PAGE,
            page ->
                page.render(
                    "center/status-code.jte",
                    new CodeForm(
                        page.query("challenge"), then(page.query("then")), FormErrors.none()))));
    registry.addPage(PageRoute.post("/status/code", POST, this::verify));
    registry.addPage(PageRoute.get("/status/requests", CenterPages.PAGE, this::list));
    registry.addPage(
        PageRoute.post(
            "/status/sign-out",
            POST,
            page -> {
              person(page).ifPresent(signIn::signOut);
              page.removePrivateCookie(COOKIE);
              page.redirect("/status");
            }));
  }

  private void start(PageCall page) {
    String email = page.form("email");
    String then = then(page.form("then"));
    try {
      String language = page.language() == PageLanguage.ZH_CN ? "zh-CN" : "en";
      String challenge = signIn.start("email", email, language).toString();
      page.redirect(
          "/status/code?challenge=" + challenge + (then.isEmpty() ? "" : "&then=" + then));
    } catch (InvalidInputException e) {
      page.render(
          400,
          "center/status-start.jte",
          new EmailForm(
              email, then, FormErrors.of("email", page.text().get("center.status.error.email"))));
    }
  }

  private void verify(PageCall page) {
    String challenge = page.form("challenge");
    String then = then(page.form("then"));
    try {
      SubjectSessions.Opened opened = signIn.verify(challenge, page.form("code"));
      page.setPrivateCookie(COOKIE, opened.token(), SESSION);
      page.redirect(then.isEmpty() ? "/status/requests" : "/" + then);
    } catch (UnableToVerifyException | InvalidInputException e) {
      page.render(
          422,
          "center/status-code.jte",
          new CodeForm(
              challenge, then, FormErrors.of("code", page.text().get("center.verify.wrong"))));
    }
  }

  private void list(PageCall page) {
    Optional<Principal.SubjectSession> person = person(page);
    if (person.isEmpty()) {
      page.removePrivateCookie(COOKIE);
      page.redirect("/status");
      return;
    }
    List<OwnRequest> own = requests.statusOf(person.get());
    // Only the person's own requests are listed, so each package offered is theirs.
    java.util.Map<String, PackageLinks.Offer> offered = new java.util.HashMap<>();
    for (OwnRequest request : own) {
      packages
          .ofRequest(request.summary().id())
          .ifPresent(offer -> offered.put(request.summary().reference(), offer));
    }
    page.render("center/status-list.jte", new Listing(own, offered));
  }

  /**
   * Where to go after signing in: only the pages named here, never an address from the request, so
   * the sign-in cannot be used as an open redirect.
   */
  static String then(String asked) {
    return THEN.contains(asked) ? asked : "";
  }

  /** The signed-in person of this browser, if its session cookie is still good. */
  Optional<Principal.SubjectSession> person(PageCall page) {
    return page.cookie(COOKIE)
        .flatMap(
            token -> {
              try {
                return authenticator.authenticate("Bearer " + token)
                        instanceof Principal.SubjectSession session
                    ? Optional.of(session)
                    : Optional.empty();
              } catch (StewardException e) {
                return Optional.empty();
              }
            });
  }

  /** The email form, with what was typed. */
  public record EmailForm(String email, String then, FormErrors errors) {}

  /** The code form. */
  public record CodeForm(String challenge, String then, FormErrors errors) {}

  /** The signed-in person's requests, and the access packages made for them by reference. */
  public record Listing(
      List<OwnRequest> requests, java.util.Map<String, PackageLinks.Offer> packages) {
    /** The package made for {@code reference}, or null. */
    public PackageLinks.Offer packageOf(String reference) {
      return packages.get(reference);
    }

    /** The page that takes what a verification step awaits from the person. */
    public static String pageOf(String step, String reference) {
      String path =
          switch (step) {
            case "code" -> "/verify";
            case "two_data_points", "three_data_points" -> "/verify/data-points";
            default -> "/verify/documents";
          };
      return path
          + "?reference="
          + java.net.URLEncoder.encode(reference, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
