package dev.steward.marketing;

import com.google.crypto.tink.Mac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The open pixel's and tracked links' addresses: {@code /m/open/<token>} and {@code
 * /m/click/<token>}, where the token signs the message reference, the purpose and, for a click, the
 * target, so that the click route redirects only where a letter pointed (no open redirect). Signed
 * with the {@code unsubscribe-links} key under a prefix of their own, so no tracking token passes
 * as an unsubscribe token or the reverse. Thread-safe.
 */
final class TrackingLinks {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** What a genuine tracking token says; {@code target} empty for an open. */
  record Claim(UUID ref, String purpose, Optional<String> target) {}

  private final Mac mac;

  TrackingLinks(Mac mac) {
    this.mac = mac;
  }

  String openPath(UUID ref, String purpose) {
    return "/m/open/" + sign("open|" + ref + "|" + purpose);
  }

  String clickPath(UUID ref, String purpose, String target) {
    return "/m/click/" + sign("click|" + ref + "|" + purpose + "|" + target);
  }

  /** The claim of a genuine token of {@code kind} ({@code open} or {@code click}). */
  Optional<Claim> check(String kind, String token) {
    try {
      int dot = token.indexOf('.');
      if (dot < 1 || token.length() > 4000) {
        return Optional.empty();
      }
      byte[] data = Base64.getUrlDecoder().decode(token.substring(0, dot));
      mac.verifyMac(Base64.getUrlDecoder().decode(token.substring(dot + 1)), prefixed(data));
      String[] parts = new String(data, StandardCharsets.UTF_8).split("\\|", 4);
      if (!parts[0].equals(kind) || parts.length != (kind.equals("open") ? 3 : 4)) {
        return Optional.empty();
      }
      return Optional.of(
          new Claim(
              UUID.fromString(parts[1]),
              parts[2],
              parts.length == 4 ? Optional.of(parts[3]) : Optional.empty()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private String sign(String payload) {
    byte[] data = payload.getBytes(StandardCharsets.UTF_8);
    try {
      return ENCODER.encodeToString(data)
          + "."
          + ENCODER.encodeToString(mac.computeMac(prefixed(data)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a tracking link", e);
    }
  }

  private static byte[] prefixed(byte[] data) {
    byte[] prefix = "steward tracking v1\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[prefix.length + data.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(data, 0, all, prefix.length, data.length);
    return all;
  }
}
