package dev.steward.web;

import dev.steward.principal.Principal;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * One call to a page: the language chosen for it, the caller, the CSRF token its forms carry, and
 * the ways to answer (render a template, redirect, start or end the staff session). Handlers get
 * one from the {@link RouteRegistry}; not shared between threads.
 *
 * <p>The language is the one the visible switch chose ({@code ?lang=}, then kept in a cookie), else
 * the browser's {@code Accept-Language}, else English.
 */
public final class PageCall {
  static final String LANG_COOKIE = "steward-lang";
  private static final int ONE_YEAR_SECONDS = (int) Duration.ofDays(365).toSeconds();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Context ctx;
  private final Pages pages;
  private final Text text;
  private final String staffSecret;
  private Principal caller = new Principal.Anonymous();
  private String csrf;

  private PageCall(Context ctx, Pages pages, Text text, String staffSecret) {
    this.ctx = ctx;
    this.pages = pages;
    this.text = text;
    this.staffSecret = staffSecret;
  }

  static PageCall open(Context ctx, Pages pages, boolean rememberSwitch) {
    PageLanguage language = chooseLanguage(ctx, pages, rememberSwitch);
    String secret = blankToNull(ctx.cookie(sessionCookie(ctx, pages)));
    return new PageCall(ctx, pages, pages.messages().text(language), secret);
  }

  private static PageLanguage chooseLanguage(Context ctx, Pages pages, boolean remember) {
    Optional<PageLanguage> switched = PageLanguage.ofTag(ctx.queryParam("lang"));
    if (switched.isPresent()) {
      if (remember) {
        ctx.cookie(
            new Cookie(
                LANG_COOKIE,
                switched.get().tag(),
                "/",
                ONE_YEAR_SECONDS,
                secure(ctx, pages),
                true,
                null,
                SameSite.LAX));
      }
      return switched.get();
    }
    return PageLanguage.ofTag(ctx.cookie(LANG_COOKIE))
        .or(() -> PageLanguage.ofAcceptLanguage(ctx.header("Accept-Language")))
        .orElse(PageLanguage.EN);
  }

  void signedIn(Principal principal) {
    this.caller = principal;
  }

  public Context ctx() {
    return ctx;
  }

  /** The staff member on a console page; anonymous on a public one. */
  public Principal caller() {
    return caller;
  }

  public PageLanguage language() {
    return text.language();
  }

  public Text text() {
    return text;
  }

  /** A form field, stripped; {@code ""} when absent. */
  public String form(String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value.strip();
  }

  /** Every value of a repeated form field (checkboxes), stripped, blanks left out. */
  public java.util.List<String> formAll(String name) {
    return ctx.formParams(name).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  /** A form field as typed (passwords: spaces count); {@code ""} when absent. */
  public String formRaw(String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value;
  }

  public String pathParam(String name) {
    return ctx.pathParam(name);
  }

  /** A query parameter, stripped; {@code ""} when absent. */
  public String query(String name) {
    String value = ctx.queryParam(name);
    return value == null ? "" : value.strip();
  }

  /** The frame this call's templates get. */
  public PageFrame frame() {
    return new PageFrame(
        text, pages.organisation(), csrfToken(), ctx.path(), pages.assets(), staffSecret != null);
  }

  /** Renders {@code template} with {@code model} as a 200 page. */
  public void render(String template, Object model) {
    render(200, template, model);
  }

  /** Renders {@code template}, e.g. with 400 when a form is shown again with its messages. */
  public void render(int status, String template, Object model) {
    String html = Pages.render(template, frame(), model);
    ctx.attribute(Problems.WRITTEN, Boolean.TRUE);
    ctx.status(status);
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(html.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers with a readable error page; {@code detail} replaces the status's usual words. */
  public void error(int status, String detail) {
    String key = "web.error." + status;
    String heading = text.get((text.has(key + ".heading") ? key : "web.error.other") + ".heading");
    String message =
        detail != null
            ? detail
            : text.get((text.has(key + ".message") ? key : "web.error.other") + ".message");
    render(status, "web/error.jte", new ErrorPage(status, heading, message));
  }

  /** After a form that changed something: 303 to the page that shows the result. */
  public void redirect(String path) {
    ctx.redirect(path, HttpStatus.SEE_OTHER);
  }

  /** The absolute address of a page, for links that leave the browser (letters, copies). */
  public String link(String path) {
    return pages.publicUrl().link(path);
  }

  /**
   * Starts the staff session: the cookie carries the sign-in's session secret. Called right after
   * sign-in, so every sign-in gets a new secret and a session cookie planted before it is worth
   * nothing.
   */
  public void startStaffSession(String secret) {
    ctx.cookie(
        new Cookie(
            sessionCookie(ctx, pages),
            secret,
            "/",
            -1,
            secure(ctx, pages),
            true,
            null,
            SameSite.LAX));
  }

  /** Removes the staff session cookie. */
  public void endStaffSession() {
    ctx.cookie(
        new Cookie(
            sessionCookie(ctx, pages), "", "/", 0, secure(ctx, pages), true, null, SameSite.LAX));
  }

  /**
   * Sets a cookie only this site's pages read: HttpOnly, SameSite=Lax, Secure over https, for
   * {@code maxAge}. For a feature's own short-lived session, such as a person's sign-in by code.
   */
  public void setPrivateCookie(String name, String value, Duration maxAge) {
    ctx.cookie(
        new Cookie(
            name,
            value,
            "/",
            (int) maxAge.toSeconds(),
            secure(ctx, pages),
            true,
            null,
            SameSite.LAX));
  }

  /** Removes a cookie set with {@link #setPrivateCookie}. */
  public void removePrivateCookie(String name) {
    setPrivateCookie(name, "", Duration.ZERO);
  }

  /** A cookie the browser sent, if any and not blank. */
  public Optional<String> cookie(String name) {
    return Optional.ofNullable(blankToNull(ctx.cookie(name)));
  }

  /** The staff session's secret the browser sent, if any. */
  public Optional<String> staffSecret() {
    return Optional.ofNullable(staffSecret);
  }

  /**
   * The token this call's forms carry. With a staff session it is derived from the session's secret
   * (a synchronizer token nobody can read without the HttpOnly cookie); without one it is a random
   * value also set in a cookie of its own (double submit).
   */
  String csrfToken() {
    if (csrf != null) {
      return csrf;
    }
    if (staffSecret != null) {
      csrf = derive(staffSecret);
      return csrf;
    }
    String existing = blankToNull(ctx.cookie(csrfCookie(ctx, pages)));
    if (existing == null) {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      existing = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      ctx.cookie(
          new Cookie(
              csrfCookie(ctx, pages),
              existing,
              "/",
              -1,
              secure(ctx, pages),
              true,
              null,
              SameSite.LAX));
    }
    csrf = existing;
    return csrf;
  }

  /** Whether the posted form carries the token this browser's cookies expect. */
  boolean csrfMatches() {
    String sent = ctx.formParam("csrf");
    if (sent == null || sent.isEmpty()) {
      return false;
    }
    String expected =
        staffSecret != null ? derive(staffSecret) : blankToNull(ctx.cookie(csrfCookie(ctx, pages)));
    return expected != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  static String derive(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("steward-csrf:" + secret).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code __Host-} prefix binds the cookie to this exact origin, which https allows. */
  static String sessionCookie(Context ctx, Pages pages) {
    return secure(ctx, pages) ? "__Host-steward-session" : "steward-session";
  }

  static String csrfCookie(Context ctx, Pages pages) {
    return secure(ctx, pages) ? "__Host-steward-csrf" : "steward-csrf";
  }

  /**
   * Cookies are {@code Secure} when people reach Steward over https: the public URL says so, or a
   * trusted proxy reports that the call came in over https.
   */
  static boolean secure(Context ctx, Pages pages) {
    return pages.publicUrl().isHttps() || ClientOrigin.of(ctx).isHttps();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
