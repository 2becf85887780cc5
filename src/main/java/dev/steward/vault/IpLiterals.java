package dev.steward.vault;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Canonical text of IPv4 and IPv6 literals: dotted decimal, and RFC 5952 for IPv6 (lower case, no
 * leading zeros, the longest run of zero groups compressed). Only literals are parsed; nothing here
 * ever resolves a host name.
 */
final class IpLiterals {
  private static final Pattern IPV4 =
      Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpLiterals() {}

  static String canonical(String value) {
    String literal =
        value.startsWith("[") && value.endsWith("]")
            ? value.substring(1, value.length() - 1)
            : value;
    if (IPV4.matcher(literal).matches()) {
      for (String octet : literal.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          throw invalid("an IPv4 octet is above 255");
        }
      }
      return literal;
    }
    // A colon makes InetAddress treat the text as an IPv6 literal, so this never does a lookup.
    if (!literal.contains(":") || !IPV6_CHARACTERS.matcher(literal).matches()) {
      throw invalid("it is neither an IPv4 nor an IPv6 literal");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw invalid("it is not a well-formed IPv6 literal");
    }
    if (!(address instanceof Inet6Address)) {
      // An IPv4-mapped IPv6 literal names the IPv4 host.
      return address.getHostAddress();
    }
    return compress(address.getAddress());
  }

  private static String compress(byte[] bytes) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  private static InvalidIdentityException invalid(String problem) {
    return new InvalidIdentityException(IdentityType.IP_ADDRESS, problem);
  }
}
