package dev.steward.web;

import java.util.List;

/**
 * The HTTP edge, frozen at start-up.
 *
 * @param host interface to bind, e.g. {@code 0.0.0.0}
 * @param port TCP port; 0 picks a free one (tests)
 * @param maxBodyBytes larger request bodies are answered 413
 * @param publicPerMinute sustained calls per minute per address on each public kind
 * @param publicBurst calls allowed at once before the sustained rate applies
 * @param corsOrigins origins ({@code https://host[:port]}, {@code *.} for subdomains) whose pages
 *     may call the public intake routes from a browser; the form route refuses any other Origin
 * @param publicUrl the address people reach Steward at ({@code https://privacy.example.com}), put
 *     before every link in a letter; empty for {@code http://localhost:PORT}
 * @param trustedProxies the reverse proxies whose forwarding headers set a call's client address
 *     and scheme; none by default
 */
public record HttpSettings(
    String host,
    int port,
    long maxBodyBytes,
    int publicPerMinute,
    int publicBurst,
    List<String> corsOrigins,
    String publicUrl,
    TrustedProxies trustedProxies) {

  public HttpSettings {
    trustedProxies = trustedProxies == null ? TrustedProxies.none() : trustedProxies;
    publicUrl = publicUrl == null ? "" : publicUrl.strip();
    PublicUrl.of(publicUrl); // refuses, naming the value, what is not an http(s) address
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes cannot be less than 1024");
    }
    corsOrigins = List.copyOf(corsOrigins);
    AllowedOrigins.of(corsOrigins); // refuses, naming the entry, what is not an origin
  }

  /** Behind no proxy. */
  public HttpSettings(
      String host,
      int port,
      long maxBodyBytes,
      int publicPerMinute,
      int publicBurst,
      List<String> corsOrigins,
      String publicUrl) {
    this(
        host,
        port,
        maxBodyBytes,
        publicPerMinute,
        publicBurst,
        corsOrigins,
        publicUrl,
        TrustedProxies.none());
  }

  /** The same settings behind {@code proxies}. */
  public HttpSettings behind(TrustedProxies proxies) {
    return new HttpSettings(
        host, port, maxBodyBytes, publicPerMinute, publicBurst, corsOrigins, publicUrl, proxies);
  }

  /** Without a public URL: links use {@code http://localhost:PORT}. */
  public HttpSettings(
      String host,
      int port,
      long maxBodyBytes,
      int publicPerMinute,
      int publicBurst,
      List<String> corsOrigins) {
    this(host, port, maxBodyBytes, publicPerMinute, publicBurst, corsOrigins, "");
  }

  public static HttpSettings defaults(int port) {
    return new HttpSettings("0.0.0.0", port, 1_048_576, 120, 60, List.of());
  }
}
