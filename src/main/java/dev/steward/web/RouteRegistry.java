package dev.steward.web;

import dev.steward.error.ForbiddenException;
import dev.steward.error.RateLimitedException;
import dev.steward.error.StewardException;
import dev.steward.error.UnauthenticatedException;
import dev.steward.principal.Authenticator;
import dev.steward.principal.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every route Steward serves, with its declared access. Features add their routes here; {@link
 * #install} is the only place routes reach Javalin, wrapping each handler with authentication, the
 * permission or subject-session check and, for public routes, the rate limit and, where declared,
 * the Origin check; a {@code GET} route answers {@code HEAD} through the same wrapper, unless it
 * declares that it refuses it. The OpenAPI document is built from the same list. Not thread-safe
 * while routes are added (start-up only); read-only afterwards.
 */
public final class RouteRegistry {
  static final String PRINCIPAL = "steward.principal";

  /** Where a staff page sends a caller without a session. */
  public static final String SIGN_IN_PAGE = "/console/sign-in";

  /** Where a staff page sends a caller who must pick a new password first. */
  public static final String PASSWORD_PAGE = "/console/password";

  /** The only other staff page open to a caller who must pick a new password. */
  public static final String SIGN_OUT_PAGE = "/console/sign-out";

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(RouteRegistry.class);
  private final List<ApiRoute> routes = new ArrayList<>();
  private final List<PageRoute> pages = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();
  private final Map<String, ProblemSigner> problemSigners = new LinkedHashMap<>();

  public RouteRegistry add(ApiRoute route) {
    if (!keys.add(route.method() + " " + route.path())) {
      throw new IllegalStateException(
          "route declared twice: " + route.method() + " " + route.path());
    }
    if (!route.path().startsWith("/")) {
      throw new IllegalStateException("route path must start with '/': " + route.path());
    }
    if (route.refusesHead() && route.method() != HandlerType.GET) {
      throw new IllegalStateException(
          "only a GET route can refuse HEAD: " + route.method() + " " + route.path());
    }
    if (route.allowedOriginsOnly() && !route.access().isPublic()) {
      // A bearer token is not sent by a browser on its own, so only public routes can be
      // posted to by another site's page.
      throw new IllegalStateException(
          "only a public route checks the Origin: " + route.method() + " " + route.path());
    }
    routes.add(route);
    return this;
  }

  /** Adds an HTML page; its path may not also be an API route's. */
  public RouteRegistry addPage(PageRoute page) {
    if (!keys.add(page.method() + " " + page.path())) {
      throw new IllegalStateException("route declared twice: " + page.method() + " " + page.path());
    }
    if (!page.path().startsWith("/") || page.path().startsWith("/api/")) {
      throw new IllegalStateException(
          "a page's path starts with '/' and not '/api/': " + page.path());
    }
    pages.add(page);
    return this;
  }

  public List<PageRoute> pages() {
    return Collections.unmodifiableList(pages);
  }

  /**
   * Problem answers of every path under {@code pathPrefix} (matched or not) carry the headers
   * {@code signer} gives for their exact bytes.
   */
  public RouteRegistry signProblems(String pathPrefix, ProblemSigner signer) {
    problemSigners.put(pathPrefix, signer);
    return this;
  }

  /** The signer for problems answered on {@code path}, if its routes asked for one. */
  Optional<ProblemSigner> problemSigner(String path) {
    // Asked on every request: a loop that allocates nothing when no prefix matches.
    for (Map.Entry<String, ProblemSigner> e : problemSigners.entrySet()) {
      String prefix = e.getKey();
      if (path.startsWith(prefix)
          && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * True when a route at {@code path} reads its body as a stream under limits of its own, so the
   * server-wide body limit is not applied before it.
   */
  boolean streamsBody(String path) {
    for (ApiRoute route : routes) {
      if (route.streamsBody() && route.path().equals(path)) {
        return true;
      }
    }
    return false;
  }

  public List<ApiRoute> routes() {
    return Collections.unmodifiableList(routes);
  }

  void install(
      RoutesConfig config,
      Authenticator authenticator,
      RateLimiter publicLimiter,
      AllowedOrigins origins) {
    for (ApiRoute route : routes) {
      Handler handler = ctx -> serve(route, ctx, authenticator, publicLimiter, origins);
      config.addHttpHandler(route.method(), route.path(), handler);
      if (route.method() == HandlerType.GET) {
        // Left to itself, Javalin answers HEAD on a GET route with an empty 200 and never calls
        // the handler, so the access check was skipped. HEAD runs the same wrapped handler, and
        // Jetty sends the headers without the body.
        config.addHttpHandler(
            HandlerType.HEAD, route.path(), route.refusesHead() ? RouteRegistry::refuse : handler);
      }
    }
  }

  void installPages(RoutesConfig config, Pages layer, RateLimiter publicLimiter) {
    layer.assets().install(config);
    for (PageRoute page : pages) {
      Handler handler = ctx -> servePage(page, ctx, layer, publicLimiter);
      config.addHttpHandler(page.method(), page.path(), handler);
      if (page.method() == HandlerType.GET) {
        config.addHttpHandler(HandlerType.HEAD, page.path(), handler);
      }
    }
  }

  /**
   * Runs a page: the rate limit or the staff session, the CSRF token of a form, then the handler;
   * whatever goes wrong becomes a readable page in the caller's language, never a stack trace.
   */
  private static void servePage(PageRoute page, Context ctx, Pages layer, RateLimiter limiter) {
    PageCall call = PageCall.open(ctx, layer, true);
    try {
      if (page.access().isPublic()) {
        limiter.acquire(page.access().publicKind() + "|" + ClientOrigin.of(ctx).address());
      } else {
        Optional<Principal> staff =
            call.staffSecret().flatMap(secret -> layer.sessions().authenticate(secret));
        if (staff.isEmpty()) {
          if (call.staffSecret().isPresent()) {
            call.endStaffSession();
          }
          call.redirect(SIGN_IN_PAGE);
          return;
        }
        call.signedIn(staff.get());
        if (layer.sessions().mustChangePassword(staff.get())
            && !page.path().equals(PASSWORD_PAGE)
            && !page.path().equals(SIGN_OUT_PAGE)) {
          call.redirect(PASSWORD_PAGE);
          return;
        }
        if (!staff.get().has(page.access().permission())) {
          call.error(403, null);
          return;
        }
      }
      if (page.method() == HandlerType.POST && !call.csrfMatches()) {
        call.error(400, call.text().get("web.error.csrf"));
        return;
      }
      page.handler().handle(call);
    } catch (RateLimitedException e) {
      long seconds = Problems.retryAfterSeconds(e.retryAfter());
      ctx.header("Retry-After", Long.toString(seconds));
      call.error(429, call.text().get("web.error.429.wait", seconds));
    } catch (UnauthenticatedException e) {
      if (page.isStaff()) {
        call.endStaffSession();
        call.redirect(SIGN_IN_PAGE);
      } else {
        call.error(401, null);
      }
    } catch (StewardException e) {
      int status = e.httpStatus();
      if (status >= 500) {
        log.warn("page {} {} failed: {}", ctx.method(), ctx.path(), e.getMessage());
      }
      call.error(status, null);
    } catch (Exception e) {
      log.error("unexpected failure on page {} {}", ctx.method(), ctx.path(), e);
      call.error(500, null);
    }
  }

  private static void serve(
      ApiRoute route,
      Context ctx,
      Authenticator authenticator,
      RateLimiter publicLimiter,
      AllowedOrigins origins)
      throws Exception {
    Access access = route.access();
    String authorization = ctx.header("Authorization");
    Principal caller;
    if (access.isPublic()) {
      publicLimiter.acquire(access.publicKind() + "|" + ClientOrigin.of(ctx).address());
      if (route.allowedOriginsOnly()) {
        checkOrigin(ctx.header("Origin"), ctx.host(), origins);
      }
      caller =
          authorization == null
              ? new Principal.Anonymous()
              : authenticator.authenticate(authorization);
    } else {
      caller = authenticator.authenticate(authorization);
      if (caller instanceof Principal.Anonymous) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"steward\"");
        throw new UnauthenticatedException("this route needs a valid bearer token");
      }
      if (access.isSubjectSession()) {
        if (!(caller instanceof Principal.SubjectSession)) {
          throw new ForbiddenException(
              "this route is for a person signed in with a one-time code, not for staff or"
                  + " client tokens");
        }
      } else if (!caller.has(access.permission())) {
        throw new ForbiddenException(
            "this route needs the permission '" + access.permission().scope() + "'");
      }
    }
    ctx.attribute(PRINCIPAL, caller);
    route.handler().handle(ctx, caller);
  }

  private static void refuse(Context ctx) {
    ctx.header("Allow", "GET");
    throw new StewardException(
        "method-not-allowed", 405, "this route changes state on GET; HEAD is not served");
  }

  /**
   * A browser sends {@code Origin} on every cross-origin POST, so a page of another site cannot
   * post without one; a call without it comes from a server or a script, which could send any
   * Origin it liked anyway, and is taken. {@code Origin: null} (sandboxed frames, redirects) is
   * refused like any origin not listed.
   */
  /**
   * Refuses a browser's call from an origin not configured, unless it is one of Steward's own pages
   * (the {@code Origin}'s host and port are the {@code Host} the call was sent to), such as the
   * privacy center's cookie settings page running the banner script.
   */
  private static void checkOrigin(String origin, String host, AllowedOrigins origins) {
    if (origin != null && !origins.allows(origin) && !sameHost(origin, host)) {
      throw new ForbiddenException(
          "calls from this origin are not accepted; the operator lists the allowed ones in"
              + " cors-origins");
    }
  }

  private static boolean sameHost(String origin, String host) {
    try {
      String authority = new java.net.URI(origin).getRawAuthority();
      return host != null && authority != null && authority.equalsIgnoreCase(host);
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
