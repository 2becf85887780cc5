package dev.steward.web;

import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One HTTP route and everything the OpenAPI document says of it. Routes exist only through the
 * {@link RouteRegistry}, so none can be served without its entry and its declared access.
 *
 * @param path Javalin path with {@code {name}} parameters; never carries personal data
 * @param refusesHead a {@code GET} whose handler changes state answers {@code HEAD} with 405
 *     instead of running it; any other {@code GET} answers {@code HEAD} as itself, without the body
 * @param allowedOriginsOnly a call carrying an {@code Origin} header not among the configured
 *     {@code cors-origins} is refused with 403 before the handler runs
 * @param requestType record type of the JSON body, or null
 * @param responseType record type of the JSON answer, or null when the answer is not JSON
 * @param responseMediaType media type of a successful answer
 * @param example a JSON body the route accepts, shown in the OpenAPI document and sent by the
 *     contract test; null when none is documented
 * @param streamsBody the handler reads the body as a stream under limits of its own, so the
 *     server-wide body size limit does not apply to it
 */
public record ApiRoute(
    HandlerType method,
    String path,
    Access access,
    boolean refusesHead,
    boolean allowedOriginsOnly,
    String tag,
    String summary,
    Class<?> requestType,
    Class<?> responseType,
    int successStatus,
    String responseMediaType,
    String example,
    boolean streamsBody,
    ApiHandler handler) {

  public ApiRoute {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access of " + method + " " + path);
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(responseMediaType, "responseMediaType");
  }

  public static Builder get(String path) {
    return new Builder(HandlerType.GET, path);
  }

  public static Builder post(String path) {
    return new Builder(HandlerType.POST, path);
  }

  public static Builder patch(String path) {
    return new Builder(HandlerType.PATCH, path);
  }

  public static Builder delete(String path) {
    return new Builder(HandlerType.DELETE, path);
  }

  public String operationId() {
    return method.name().toLowerCase(java.util.Locale.ROOT)
        + path.replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+(.)", "_$1");
  }

  /** Fluent construction; {@link #handle} ends it. */
  public static final class Builder {
    private final HandlerType method;
    private final String path;
    private Access access;
    private boolean refusesHead;
    private boolean allowedOriginsOnly;
    private String tag = "steward";
    private String summary;
    private Class<?> requestType;
    private Class<?> responseType;
    private int successStatus = 200;
    private String responseMediaType = "application/json";
    private String example;
    private boolean streamsBody;

    private Builder(HandlerType method, String path) {
      this.method = method;
      this.path = path;
    }

    public Builder access(Access access) {
      this.access = access;
      return this;
    }

    /**
     * For a {@code GET} that changes state, such as a download that counts a copy: {@code HEAD}
     * must not do so without delivering anything, so it is refused.
     */
    public Builder refusesHead() {
      this.refusesHead = true;
      return this;
    }

    /**
     * Browsers may call only from the configured {@code cors-origins}; a call without {@code
     * Origin} is not from a browser page and is taken.
     */
    public Builder allowedOriginsOnly() {
      this.allowedOriginsOnly = true;
      return this;
    }

    /**
     * The handler reads the body itself, as a stream, and bounds it by limits of its own (a list of
     * millions of lines); the server-wide body limit is not applied before it runs.
     */
    public Builder streamsBody() {
      this.streamsBody = true;
      return this;
    }

    public Builder tag(String tag) {
      this.tag = tag;
      return this;
    }

    public Builder summary(String summary) {
      this.summary = summary;
      return this;
    }

    public Builder request(Class<?> requestType) {
      this.requestType = requestType;
      return this;
    }

    /** A JSON body the route accepts on a fresh node with the bundled policy. */
    public Builder example(String json) {
      this.example = json;
      return this;
    }

    public Builder response(Class<?> responseType) {
      this.responseType = responseType;
      return this;
    }

    public Builder status(int successStatus) {
      this.successStatus = successStatus;
      return this;
    }

    public Builder produces(String mediaType) {
      this.responseMediaType = mediaType;
      return this;
    }

    public ApiRoute handle(ApiHandler handler) {
      return new ApiRoute(
          method,
          path,
          access,
          refusesHead,
          allowedOriginsOnly,
          tag,
          summary,
          requestType,
          responseType,
          successStatus,
          responseMediaType,
          example,
          streamsBody,
          handler);
    }
  }
}
