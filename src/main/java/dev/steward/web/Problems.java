package dev.steward.web;

import dev.steward.error.InvalidInputException;
import dev.steward.error.RateLimitedException;
import dev.steward.error.StewardException;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 9457 problem details. Every error the API gives goes through here, so the shape and the
 * {@code type} per kind stay stable and no stack trace ever reaches a caller.
 */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:steward:problem:";
  static final String WRITTEN = "steward.problem-written";
  static final String SIGNER = "steward.problem-signer";
  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  /** How long a caller refused with {@code store-busy} is asked to wait before sending again. */
  private static final Duration STORE_BUSY_WAIT = Duration.ofSeconds(5);

  private Problems() {}

  public static String type(String kind) {
    return TYPE_PREFIX + kind;
  }

  static void write(Context ctx, StewardException e) {
    Map<String, Object> body = body(e.kind(), e.httpStatus(), title(e.kind()), e.getMessage(), ctx);
    if (e instanceof InvalidInputException invalid && !invalid.problems().isEmpty()) {
      body.put(
          "errors",
          invalid.problems().stream()
              .map(p -> Map.of("field", p.field(), "message", p.message()))
              .toList());
    }
    if (e instanceof RateLimitedException limited) {
      ctx.header("Retry-After", Long.toString(retryAfterSeconds(limited.retryAfter())));
    }
    send(ctx, e.httpStatus(), body);
  }

  /**
   * {@code Retry-After} in whole seconds, rounded up: a client that waits exactly this long must
   * find the wait over, not be refused again. Never less than one second.
   */
  static long retryAfterSeconds(Duration wait) {
    return Math.max(1, wait.plusNanos(999_999_999).toSeconds());
  }

  static void write(Context ctx, int status, String kind, String detail) {
    send(ctx, status, body(kind, status, title(kind), detail, ctx));
  }

  /** Anything unexpected: logged with its trace server-side, answered with a bare 500. */
  static void writeUnexpected(Context ctx, Exception e) {
    if (causedBy(e, java.sql.SQLTransientConnectionException.class)) {
      // The store's pool stayed busy past its wait: the call's transaction never committed, and
      // the caller may send it again (a 503 with Retry-After, not a failure of Steward's own).
      log.warn("store busy on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      ctx.header("Retry-After", Long.toString(retryAfterSeconds(STORE_BUSY_WAIT)));
      write(ctx, 503, "store-busy", "Steward is too busy to take this call now; send it again.");
      return;
    }
    log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
    write(ctx, 500, "internal", "Steward could not complete the call; it has been logged.");
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Object> body(
      String kind, int status, String title, String detail, Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type(kind));
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", ctx.path());
    return body;
  }

  private static void send(Context ctx, int status, Map<String, Object> body) {
    ctx.attribute(WRITTEN, Boolean.TRUE);
    ctx.status(status);
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a problem answer", e);
    }
    // Signed over the exact bytes sent, so they are written here rather than by Javalin's mapper.
    ProblemSigner signer = ctx.attribute(SIGNER);
    if (signer != null) {
      signer.headers(bytes).forEach(ctx::header);
    }
    ctx.result(bytes);
    ctx.contentType(MEDIA_TYPE);
  }

  private static String title(String kind) {
    String spaced = kind.replace('-', ' ');
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  /** Kinds the API can answer with, for the OpenAPI document. */
  static List<String> knownKinds() {
    return List.of(
        "bad-request",
        "invalid-input",
        "unauthenticated",
        "forbidden",
        "not-found",
        "method-not-allowed",
        "conflict",
        "payload-too-large",
        "unsupported-media-type",
        "rate-limited",
        "store-unavailable",
        "internal");
  }
}
