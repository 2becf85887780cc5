package dev.steward.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The address people reach Steward at, put before every link Steward writes into a letter. Set by
 * {@code --public-url}, {@code STEWARD_PUBLIC_URL} or {@code public-url} in {@code steward.yaml};
 * without one, {@code http://localhost:PORT} once the port is bound. Thread-safe: the port is bound
 * once at start-up, before any letter is written.
 */
public final class PublicUrl {
  private final String configured;
  private volatile String base;

  private PublicUrl(String configured, String base) {
    this.configured = configured;
    this.base = base;
  }

  /**
   * @param configured {@code http(s)://host[:port][/path]}, or null or blank for the default
   * @throws IllegalArgumentException naming the value when it is not such an address
   */
  public static PublicUrl of(String configured) {
    if (configured == null || configured.isBlank()) {
      return new PublicUrl(null, null);
    }
    String trimmed = configured.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getQuery() != null
          || uri.getFragment() != null
          || uri.getUserInfo() != null) {
        throw new IllegalArgumentException(
            "public-url must be an http:// or https:// address without query, was '"
                + configured
                + "'");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "public-url must be an http:// or https:// address, was '" + configured + "'");
    }
    return new PublicUrl(trimmed, trimmed);
  }

  /** Without a configured address, the node's own: called once the port is known. */
  public void bindPort(int port) {
    if (configured == null) {
      base = "http://localhost:" + port;
    }
  }

  public boolean isConfigured() {
    return configured != null;
  }

  /** The address without a trailing slash, e.g. {@code https://privacy.example.com}. */
  public String base() {
    String current = base;
    if (current == null) {
      throw new IllegalStateException("the public URL is not known before the port is bound");
    }
    return current;
  }

  /** {@code path} (starting with {@code /}) as an absolute link. */
  public String link(String path) {
    return base() + path;
  }

  /** Cookies are marked {@code Secure} when people reach Steward over https. */
  public boolean isHttps() {
    return configured != null && configured.regionMatches(true, 0, "https:", 0, 6);
  }
}
