package dev.steward.web;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A line per HTTP call, for a log platform: the method, the route template (never the path, so no
 * value a caller typed), the status and the duration as key-value pairs, the request id in the MDC.
 * Nothing else of the call is written: no address, query, header or body, which may hold personal
 * data. The logger, {@value #LOGGER}, is off unless the node logs JSON ({@code log-format: json}).
 *
 * <p>The request id is taken from an {@code X-Request-Id} header made of up to 64 letters, digits,
 * {@code -} and {@code _} (a proxy's own id), or made here; it is answered in {@code X-Request-Id}
 * and set as the MDC's {@code requestId} while the call runs, so every line the call logs carries
 * it.
 */
public final class AccessLog {
  public static final String LOGGER = "steward.access";
  static final String REQUEST_ID = "requestId";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);
  private static final Pattern GIVEN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private AccessLog() {}

  /** Names the call: before any route runs. */
  static void begin(Context ctx) {
    String given = ctx.header("X-Request-Id");
    String id;
    if (given != null && GIVEN_ID.matcher(given).matches()) {
      id = given;
    } else {
      // An id to correlate lines, not a secret: no need for SecureRandom's lock on every call.
      id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
    ctx.attribute(REQUEST_ID, id);
    ctx.header("X-Request-Id", id);
    MDC.put(REQUEST_ID, id);
  }

  /** Writes the call's line and forgets its id on this thread. */
  static void end(Context ctx, String route, int status, long nanos) {
    try {
      if (log.isInfoEnabled()) {
        log.atInfo()
            .addKeyValue("method", ctx.method().name())
            .addKeyValue("route", route)
            .addKeyValue("status", status)
            .addKeyValue("durationMs", Math.round(nanos / 1_000.0) / 1_000.0)
            .log("http {} {} {}", ctx.method().name(), route, status);
      }
    } finally {
      MDC.remove(REQUEST_ID);
    }
  }
}
