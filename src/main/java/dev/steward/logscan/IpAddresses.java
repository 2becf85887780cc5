package dev.steward.logscan;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymises logged IP addresses. Only a literal IPv4 or IPv6 address is changed (never a name:
 * no lookups), so a value already truncated is kept as it is and one already hashed is not an
 * address any more: running it twice changes nothing more. Thread-safe.
 */
final class IpAddresses {
  private final IpPseudonymisation mode;
  private final byte[] key;

  IpAddresses(IpPseudonymisation mode, byte[] key) {
    this.mode = mode;
    this.key = key;
  }

  /** The pseudonym of {@code value}, or null when it is no address or needs no change. */
  String pseudonym(String value) {
    byte[] address = literal(value);
    if (address == null) {
      return null;
    }
    String replacement =
        mode == IpPseudonymisation.TRUNCATE ? truncate(address) : "ip-" + hmac(address);
    return replacement.equals(value) ? null : replacement;
  }

  static String truncate(byte[] address) {
    if (address.length == 4) {
      return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + ".0";
    }
    // IPv6: the /48 a site is usually given.
    return Integer.toHexString((address[0] & 0xff) << 8 | address[1] & 0xff)
        + ":"
        + Integer.toHexString((address[2] & 0xff) << 8 | address[3] & 0xff)
        + ":"
        + Integer.toHexString((address[4] & 0xff) << 8 | address[5] & 0xff)
        + "::";
  }

  private String hmac(byte[] address) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(address), 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** The address's bytes when {@code value} is an IPv4 or IPv6 literal, else null. */
  static byte[] literal(String value) {
    if (value.isEmpty() || value.length() > 45) {
      return null;
    }
    int colons = 0;
    int dots = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ':') {
        colons++;
      } else if (c == '.') {
        dots++;
      } else if (Character.digit(c, 16) < 0) {
        return null;
      }
    }
    if (colons == 0) {
      return dots == 3 ? ipv4(value) : null;
    }
    if (colons < 2) {
      return null;
    }
    try {
      return InetAddress.getByName(value).getAddress();
    } catch (UnknownHostException | RuntimeException e) {
      return null;
    }
  }

  private static byte[] ipv4(String value) {
    String[] parts = value.split("\\.", -1);
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return null;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return null;
      }
      address[i] = (byte) octet;
    }
    return address;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
