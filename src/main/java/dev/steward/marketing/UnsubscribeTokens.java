package dev.steward.marketing;

import com.google.crypto.tink.Mac;
import dev.steward.consent.Subscriptions;
import dev.steward.error.StewardException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The signed token of an unsubscribe link (RFC 8058): the keyed hash of the address, the purpose
 * and the topic ({@code *} for the purpose's messages as a whole), under an HMAC with the key
 * {@code unsubscribe-links}. It never expires (a link in an old mail must still work) and needs no
 * sign-in; using it twice changes nothing more. A token whose signature does not match, or that was
 * cut or altered, is refused with a 403 and nothing is changed. Thread-safe.
 */
final class UnsubscribeTokens {
  private static final String VERSION = "u1";
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64,128}");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}|\\*");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** What a valid token says. */
  record Claim(String emailHash, String purpose, String topic) {}

  private final Mac mac;

  UnsubscribeTokens(Mac mac) {
    this.mac = mac;
  }

  String token(String emailHash, String purpose, String topic) {
    String payload =
        VERSION
            + "|"
            + emailHash
            + "|"
            + purpose
            + "|"
            + (topic == null ? Subscriptions.ALL : topic);
    byte[] data = payload.getBytes(StandardCharsets.UTF_8);
    try {
      return ENCODER.encodeToString(data) + "." + ENCODER.encodeToString(mac.computeMac(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign an unsubscribe link", e);
    }
  }

  /**
   * The claim of a genuine token.
   *
   * @throws StewardException {@code invalid-unsubscribe-link} (403) for anything else
   */
  Claim check(String token) {
    try {
      int dot = token.indexOf('.');
      if (token.length() > 512 || dot < 1) {
        throw invalid();
      }
      byte[] data = Base64.getUrlDecoder().decode(token.substring(0, dot));
      mac.verifyMac(Base64.getUrlDecoder().decode(token.substring(dot + 1)), data);
      String[] parts = new String(data, StandardCharsets.UTF_8).split("\\|", -1);
      if (parts.length != 4
          || !parts[0].equals(VERSION)
          || !HASH.matcher(parts[1]).matches()
          || !ID.matcher(parts[2]).matches()
          || parts[2].equals(Subscriptions.ALL)
          || !ID.matcher(parts[3]).matches()) {
        throw invalid();
      }
      return new Claim(parts[1], parts[2], parts[3]);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw invalid();
    }
  }

  static StewardException invalid() {
    return new StewardException(
        "invalid-unsubscribe-link", 403, "this unsubscribe link is not valid: nothing was changed");
  }
}
