package dev.steward.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The browser origins whose pages may post to routes declared {@link
 * ApiRoute.Builder#allowedOriginsOnly()}: the operator's {@code cors-origins}. Each is {@code
 * scheme://host[:port]}; a host may start with {@code *.} to allow its subdomains, as the CORS
 * rules allow. Immutable, so safe to share between request threads.
 */
final class AllowedOrigins {
  private final List<Origin> origins;

  private AllowedOrigins(List<Origin> origins) {
    this.origins = origins;
  }

  /** Parses the configured origins; one that is not an origin names the setting and the entry. */
  static AllowedOrigins of(List<String> configured) {
    return new AllowedOrigins(
        configured.stream()
            .map(
                entry ->
                    Origin.parse(entry, true)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "cors-origins: '"
                                        + entry
                                        + "' is not an origin such as https://www.example.com"
                                        + " (scheme, host and port only, no path)")))
            .toList());
  }

  /** Whether the value of an {@code Origin} header is one of these; {@code "null"} never is. */
  boolean allows(String originHeader) {
    Optional<Origin> origin = Origin.parse(originHeader, false);
    return origin.isPresent() && origins.stream().anyMatch(allowed -> allowed.admits(origin.get()));
  }

  /** Scheme, lower-case host and port, with the scheme's default port filled in. */
  private record Origin(String scheme, String host, int port, boolean subdomains) {
    static Optional<Origin> parse(String text, boolean wildcard) {
      String value = text.trim();
      boolean subdomains = wildcard && value.contains("://*.");
      if (subdomains) {
        value = value.replace("://*.", "://");
      }
      URI uri;
      try {
        uri = new URI(value).parseServerAuthority();
      } catch (URISyntaxException e) {
        return Optional.empty();
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean bare =
          uri.getHost() != null
              && uri.getUserInfo() == null
              && uri.getQuery() == null
              && uri.getFragment() == null
              && (uri.getPath() == null
                  || uri.getPath().isEmpty()
                  // A trailing slash is tolerated in the settings, as the CORS rules do.
                  || (wildcard && uri.getPath().equals("/")));
      if (!bare || !(scheme.equals("https") || scheme.equals("http"))) {
        return Optional.empty();
      }
      int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
      return Optional.of(
          new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port, subdomains));
    }

    boolean admits(Origin other) {
      boolean sameHost = subdomains ? other.host.endsWith("." + host) : other.host.equals(host);
      return sameHost && scheme.equals(other.scheme) && port == other.port;
    }
  }
}
