package dev.steward.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a call came from: the client's address (for the public rate limits) and the scheme it used
 * (for {@code Secure} cookies and links). A node behind a reverse proxy sees the proxy as its peer;
 * only when that peer is one of the {@link TrustedProxies} are the proxy's {@code Forwarded} (RFC
 * 7239) or, without it, {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers believed.
 * From anyone else the headers are ignored, so a client cannot choose its own rate-limit bucket.
 *
 * <p>Proxies append to the chain, so it is read from the right: the first address that is not a
 * trusted proxy is the client's. The scheme is the one the edge proxy recorded beside it.
 *
 * @param address the client's IP address, as text
 * @param scheme {@code http} or {@code https}
 */
public record ClientOrigin(String address, String scheme) {
  static final String ATTRIBUTE = "steward.client-origin";

  /** The origin the edge resolved for this call; the peer's own when none was resolved. */
  public static ClientOrigin of(Context ctx) {
    ClientOrigin resolved = ctx.attribute(ATTRIBUTE);
    return resolved != null ? resolved : new ClientOrigin(ctx.ip(), ctx.scheme());
  }

  public boolean isHttps() {
    return scheme.equals("https");
  }

  /** Resolves and remembers the call's origin; done once, before any route runs. */
  static ClientOrigin resolve(Context ctx, TrustedProxies proxies) {
    ClientOrigin origin =
        resolve(
            ctx.ip(),
            ctx.scheme(),
            ctx.header("Forwarded"),
            ctx.header("X-Forwarded-For"),
            ctx.header("X-Forwarded-Proto"),
            proxies);
    ctx.attribute(ATTRIBUTE, origin);
    return origin;
  }

  /**
   * @param peer the address of the connection's other end
   * @param scheme the scheme of the connection itself
   */
  static ClientOrigin resolve(
      String peer,
      String scheme,
      String forwarded,
      String forwardedFor,
      String forwardedProto,
      TrustedProxies proxies) {
    ClientOrigin direct = new ClientOrigin(peer, scheme);
    if (!proxies.trusts(peer)) {
      return direct;
    }
    if (forwarded != null && !forwarded.isBlank()) {
      return fromForwarded(direct, forwarded, proxies);
    }
    if (forwardedFor != null && !forwardedFor.isBlank()) {
      List<Hop> hops = new ArrayList<>();
      for (String part : forwardedFor.split(",", -1)) {
        hops.add(new Hop(nodeAddress(part.strip()), null));
      }
      String proto = lastValue(forwardedProto);
      return walk(direct, hops, proxies, proto);
    }
    String proto = lastValue(forwardedProto);
    return proto == null ? direct : new ClientOrigin(peer, proto);
  }

  private static ClientOrigin fromForwarded(
      ClientOrigin direct, String header, TrustedProxies proxies) {
    List<Hop> hops = new ArrayList<>();
    for (String element : splitOutsideQuotes(header, ',')) {
      String address = null;
      String proto = null;
      for (String pair : splitOutsideQuotes(element, ';')) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = unquote(pair.substring(eq + 1).strip());
        if (name.equals("for")) {
          address = nodeAddress(value);
        } else if (name.equals("proto")) {
          proto = scheme(value);
        }
      }
      hops.add(new Hop(address, proto));
    }
    return walk(direct, hops, proxies, null);
  }

  /**
   * From the right, skips the trusted proxies; the first other hop is the client. A hop that hides
   * its address ({@code unknown}, an obfuscated name) or is malformed ends the walk at the last
   * address known, the proxy that reported it.
   */
  private static ClientOrigin walk(
      ClientOrigin direct, List<Hop> hops, TrustedProxies proxies, String headerProto) {
    String address = direct.address();
    String proto = headerProto;
    for (int i = hops.size() - 1; i >= 0; i--) {
      Hop hop = hops.get(i);
      if (hop.address() == null) {
        break;
      }
      address = hop.address();
      if (hop.proto() != null) {
        proto = hop.proto();
      }
      if (!proxies.trusts(hop.address())) {
        break;
      }
    }
    return new ClientOrigin(address, proto == null ? direct.scheme() : proto);
  }

  private record Hop(String address, String proto) {}

  /**
   * The address of a node ({@code 192.0.2.1}, {@code 192.0.2.1:8080}, {@code [2001:db8::1]:80}).
   */
  private static String nodeAddress(String node) {
    String host = node;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      host = close < 0 ? "" : host.substring(1, close);
    } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') >= 0) {
      host = host.substring(0, host.indexOf(':')); // IPv4 with a port
    }
    return TrustedProxies.literal(host).isPresent() ? host : null;
  }

  private static String lastValue(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String[] values = header.split(",");
    return scheme(values[values.length - 1].strip());
  }

  /** Only the two schemes Steward serves; anything else is ignored. */
  private static String scheme(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.equals("https") || lower.equals("http") ? lower : null;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1).replace("\\\"", "\"");
    }
    return value;
  }

  private static List<String> splitOutsideQuotes(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == separator && !quoted) {
        parts.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString().strip());
    return parts;
  }
}
