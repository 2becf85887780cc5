package dev.steward.web;

import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One HTML page route. Declared access works as for {@link ApiRoute}: a public kind (rate-limited
 * per address with the API's own buckets), or a permission, which a page checks against the staff
 * session cookie instead of a bearer token. Every {@code POST} must carry the form's CSRF token;
 * {@link RouteRegistry} checks it before the handler runs.
 *
 * @param path Javalin path with {@code {name}} parameters; never carries personal data
 */
public record PageRoute(HandlerType method, String path, Access access, PageHandler handler) {
  public PageRoute {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access of " + method + " " + path);
    Objects.requireNonNull(handler, "handler");
    if (method != HandlerType.GET && method != HandlerType.POST) {
      throw new IllegalArgumentException("a page answers GET or POST only: " + path);
    }
    if (access.isSubjectSession()) {
      throw new IllegalArgumentException(
          "a page for a signed-in person is public and reads the person's session itself: " + path);
    }
  }

  public static PageRoute get(String path, Access access, PageHandler handler) {
    return new PageRoute(HandlerType.GET, path, access, handler);
  }

  public static PageRoute post(String path, Access access, PageHandler handler) {
    return new PageRoute(HandlerType.POST, path, access, handler);
  }

  boolean isStaff() {
    return !access.isPublic();
  }
}
