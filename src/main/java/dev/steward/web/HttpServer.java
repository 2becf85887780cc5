package dev.steward.web;

import dev.steward.error.StewardException;
import dev.steward.principal.Authenticator;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.BindException;
import java.time.Clock;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * The HTTP edge: Javalin with Steward's routes, problem+json errors, security headers, a body size
 * limit and per-route metrics. Start once, stop once.
 */
public final class HttpServer {
  private static final String STARTED = "steward.started-nanos";

  /** Bodies this far over the limit are read and discarded so the 413 reaches the client. */
  private static final long DRAIN_LIMIT_BYTES = 1L << 20;

  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static final HttpField[] SECURITY_HEADERS = {
    new PreEncodedHttpField("Content-Security-Policy", CSP),
    new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
    new PreEncodedHttpField("Referrer-Policy", "no-referrer"),
    new PreEncodedHttpField("X-Frame-Options", "DENY"),
    new PreEncodedHttpField("Cross-Origin-Opener-Policy", "same-origin"),
    new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store"),
  };

  private final Javalin app;
  private final HttpSettings settings;

  public HttpServer(
      HttpSettings settings,
      RouteRegistry registry,
      Authenticator authenticator,
      MeterRegistry meters,
      Clock clock) {
    this(settings, registry, authenticator, null, meters, clock);
  }

  /**
   * @param pages the page layer serving the registry's pages and the readable error pages, or null
   *     for an API-only server (tests of the API)
   */
  public HttpServer(
      HttpSettings settings,
      RouteRegistry registry,
      Authenticator authenticator,
      Pages pages,
      MeterRegistry meters,
      Clock clock) {
    this.settings = settings;
    RateLimiter publicLimiter =
        new RateLimiter(settings.publicPerMinute(), settings.publicBurst(), clock);
    this.app =
        Javalin.create(
            config ->
                configure(config, settings, registry, authenticator, pages, publicLimiter, meters));
  }

  private static void configure(
      JavalinConfig config,
      HttpSettings settings,
      RouteRegistry registry,
      Authenticator authenticator,
      Pages pages,
      RateLimiter publicLimiter,
      MeterRegistry meters) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.maxRequestSize = settings.maxBodyBytes();
    config.http.prefer405over404 = true;
    config.jsonMapper(new JavalinJackson(Json.mapper(), false));
    if (!settings.corsOrigins().isEmpty()) {
      config.bundledPlugins.enableCors(
          cors ->
              cors.addRule(
                  rule -> settings.corsOrigins().forEach(origin -> rule.allowHost(origin))));
    }
    config.routes.before(
        ctx -> {
          registry.problemSigner(ctx.path()).ifPresent(s -> ctx.attribute(Problems.SIGNER, s));
          before(ctx, settings, registry);
        });
    Meters timers = new Meters(meters);
    config.routes.after(ctx -> record(ctx, timers));
    // A body described with another route's schema misleads every client: refuse to start.
    OpenApi.checkSchemaNames(registry);
    registry.install(
        config.routes, authenticator, publicLimiter, AllowedOrigins.of(settings.corsOrigins()));
    if (pages != null) {
      registry.installPages(config.routes, pages, publicLimiter);
    }
    config.routes.exception(
        StewardException.class,
        (e, ctx) -> {
          // The body limit refuses before any handler runs; a person whose upload was too large
          // reads why in their language, while API clients keep their problem+json.
          if (e.httpStatus() == 413 && pages != null && wantsPage(ctx)) {
            pages.renderError(ctx, 413);
          } else {
            Problems.write(ctx, e);
          }
        });
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          if (pages != null && wantsPage(ctx)) {
            pages.renderError(ctx, e.getStatus());
          } else {
            Problems.write(ctx, e.getStatus(), kindOf(e.getStatus()), e.getMessage());
          }
        });
    config.routes.exception(Exception.class, (e, ctx) -> Problems.writeUnexpected(ctx, e));
    config.routes.error(
        404,
        ctx -> {
          if (pages != null && wantsPage(ctx)) {
            unlessPageWritten(ctx, pages, 404);
          } else {
            unlessWritten(ctx, 404, "not-found", "no such resource: " + ctx.path());
          }
        });
    config.routes.error(
        405,
        ctx -> {
          if (pages != null && wantsPage(ctx)) {
            unlessPageWritten(ctx, pages, 405);
          } else {
            unlessWritten(ctx, 405, "method-not-allowed", "method not allowed on this route");
          }
        });
    config.routes.error(
        413,
        ctx -> {
          if (pages != null && wantsPage(ctx)) {
            unlessPageWritten(ctx, pages, 413);
          } else {
            unlessWritten(
                ctx,
                413,
                "payload-too-large",
                "the body is larger than " + settings.maxBodyBytes() + " bytes");
          }
        });
  }

  private static void before(Context ctx, HttpSettings settings, RouteRegistry registry) {
    ctx.attribute(STARTED, System.nanoTime());
    AccessLog.begin(ctx);
    ClientOrigin.resolve(ctx, settings.trustedProxies());
    addSecurityHeaders(ctx);
    long length = ctx.req().getContentLengthLong();
    if (length > settings.maxBodyBytes() && !registry.streamsBody(ctx.path())) {
      // Refuse without handling. A modest excess is read and discarded first: closing a
      // connection with unread bytes makes TCP reset it, and the client may then lose the
      // 413 it was sent. Larger bodies are not worth reading; a chunked body past the limit
      // is stopped by Javalin itself.
      if (length <= DRAIN_LIMIT_BYTES) {
        drain(ctx);
      }
      throw new StewardException(
          "payload-too-large",
          413,
          "the body is larger than " + settings.maxBodyBytes() + " bytes");
    }
  }

  /**
   * The headers every answer carries, encoded once: added to Jetty's response as they are, they are
   * neither parsed on the way in nor encoded on the way out. A route may still replace one (a
   * static asset's {@code Cache-Control}) with {@code ctx.header}.
   */
  private static void addSecurityHeaders(Context ctx) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    if (request == null) {
      for (HttpField field : SECURITY_HEADERS) {
        ctx.header(field.getName(), field.getValue());
      }
      return;
    }
    HttpFields.Mutable headers = request.getServletContextResponse().getHeaders();
    for (HttpField field : SECURITY_HEADERS) {
      headers.put(field);
    }
  }

  private static void drain(Context ctx) {
    try (var in = ctx.req().getInputStream()) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (java.io.IOException e) {
      // The client went away; the refusal below is written if the connection still allows it.
    }
  }

  private static void record(Context ctx, Meters meters) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    // The after-handler's own endpoint is "*"; the series are labelled by the HTTP endpoint the
    // request matched, as a template (/api/v1/requests/{id}), so that the label stays bounded.
    String route = "unmatched";
    try {
      io.javalin.router.Endpoint matched = ctx.endpoints().lastHttpEndpoint();
      if (matched != null) {
        route = matched.path;
      }
    } catch (RuntimeException e) {
      // No HTTP endpoint matched (a 404 or a refusal before routing): keep "unmatched".
    }
    long nanos = System.nanoTime() - started;
    meters
        .timer(ctx.method().name(), route, ctx.statusCode())
        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    AccessLog.end(ctx, route, ctx.statusCode(), nanos);
  }

  /**
   * The per-route timers, each built once: route templates, methods and statuses are few, and
   * looking a timer up in the registry on every call cost more than the recording itself.
   */
  private static final class Meters {
    private final MeterRegistry registry;
    private final java.util.concurrent.ConcurrentHashMap<Series, Timer> timers =
        new java.util.concurrent.ConcurrentHashMap<>();

    Meters(MeterRegistry registry) {
      this.registry = registry;
    }

    /** One series' labels; the key of a look-up made on every call, so nothing is concatenated. */
    private record Series(String method, String route, int status) {}

    Timer timer(String method, String route, int status) {
      return timers.computeIfAbsent(
          new Series(method, route, status),
          key ->
              Timer.builder("http.server.requests")
                  .tag("method", method)
                  .tag("route", route)
                  .tag("status", Integer.toString(status))
                  .register(registry));
    }
  }

  /**
   * A browser asking for a page gets a page; an API client (any {@code /api/} path, or a caller
   * that does not ask for HTML) keeps problem+json.
   */
  private static boolean wantsPage(Context ctx) {
    String accept = ctx.header("Accept");
    return !ctx.path().startsWith("/api/")
        && !ctx.path().startsWith("/.well-known/")
        && accept != null
        && accept.contains("text/html");
  }

  private static void unlessPageWritten(Context ctx, Pages pages, int status) {
    if (ctx.attribute(Problems.WRITTEN) == null) {
      pages.renderError(ctx, status);
    }
  }

  private static void unlessWritten(Context ctx, int status, String kind, String detail) {
    if (ctx.attribute(Problems.WRITTEN) == null) {
      Problems.write(ctx, status, kind, detail);
    }
  }

  private static String kindOf(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      default -> status >= 500 ? "internal" : "bad-request";
    };
  }

  /** Binds and starts serving; a port in use is reported in one line. */
  public HttpServer start() {
    try {
      app.start(settings.host(), settings.port());
    } catch (RuntimeException e) {
      if (causedBy(e, BindException.class)) {
        throw new StewardException(
            "port-in-use", 500, "port " + settings.port() + " is already in use", e);
      }
      throw e;
    }
    return this;
  }

  public int port() {
    return app.port();
  }

  /** For tests: the routes Javalin actually serves. */
  public Javalin javalin() {
    return app;
  }

  public void stop() {
    app.stop();
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
