package dev.steward.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The peers whose {@code Forwarded} and {@code X-Forwarded-*} headers Steward believes: addresses
 * ({@code 10.0.0.5}, {@code ::1}) or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}). Immutable
 * and thread-safe. Parsing never looks a name up: only numeric addresses are taken.
 */
public final class TrustedProxies {
  private static final TrustedProxies NONE = new TrustedProxies(List.of(), List.of());

  private final List<String> entries;
  private final List<Range> ranges;

  private TrustedProxies(List<String> entries, List<Range> ranges) {
    this.entries = entries;
    this.ranges = ranges;
  }

  public static TrustedProxies none() {
    return NONE;
  }

  /**
   * @throws IllegalArgumentException naming the entry that is not an address or a CIDR range
   */
  public static TrustedProxies of(List<String> entries) {
    List<String> kept = new ArrayList<>();
    List<Range> ranges = new ArrayList<>();
    for (String raw : entries) {
      String entry = raw == null ? "" : raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      ranges.add(Range.parse(entry));
      kept.add(entry);
    }
    return kept.isEmpty() ? NONE : new TrustedProxies(List.copyOf(kept), List.copyOf(ranges));
  }

  /** The entries as configured, for messages and the settings' record. */
  public List<String> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Whether {@code address} (a numeric IPv4 or IPv6 literal) is one of the trusted proxies. */
  public boolean trusts(String address) {
    if (ranges.isEmpty()) {
      return false;
    }
    return literal(address).map(a -> ranges.stream().anyMatch(r -> r.contains(a))).orElse(false);
  }

  /** A numeric address literal as bytes; empty for anything else (never a DNS look-up). */
  static Optional<byte[]> literal(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return Optional.empty();
    }
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    boolean colon = bare.indexOf(':') >= 0;
    for (int i = 0; i < bare.length(); i++) {
      char c = bare.charAt(i);
      boolean allowed =
          (c >= '0' && c <= '9')
              || c == '.'
              || (colon && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
      if (!allowed) {
        return Optional.empty();
      }
    }
    if (!colon && bare.chars().filter(c -> c == '.').count() != 3) {
      return Optional.empty(); // "10" or "10.1" would be read as shorthand forms: refuse them
    }
    try {
      byte[] bytes = InetAddress.getByName(bare).getAddress();
      return Optional.of(mapped(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) compares as its IPv4 address. */
  private static byte[] mapped(byte[] bytes) {
    if (bytes.length == 16) {
      for (int i = 0; i < 10; i++) {
        if (bytes[i] != 0) {
          return bytes;
        }
      }
      if (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
        return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
      }
    }
    return bytes;
  }

  private record Range(byte[] network, int prefix) {
    static Range parse(String entry) {
      int slash = entry.indexOf('/');
      String address = slash < 0 ? entry : entry.substring(0, slash);
      byte[] bytes =
          literal(address)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "trusted-proxies: '"
                              + entry
                              + "' is not an IP address or a CIDR range such as 10.0.0.0/8"));
      int bits = bytes.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException(
              "trusted-proxies: '" + entry + "' needs a prefix length between 0 and " + bits);
        }
      }
      return new Range(bytes, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[whole] & mask) == (network[whole] & mask);
    }
  }
}
