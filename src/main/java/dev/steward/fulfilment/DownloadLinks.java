package dev.steward.fulfilment;

import com.google.crypto.tink.Mac;
import dev.steward.error.GoneException;
import dev.steward.error.StewardException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signed, expiring, single-subject links to an access package: an HMAC (key {@code download-links})
 * over package id, subject id and expiry. A link whose signature does not match is refused with a
 * 403, one that has expired with a 410, and nothing is served.
 */
final class DownloadLinks {
  static final String PATH = "/api/v1/access-packages/";

  /**
   * The privacy center's page for a package: letters lead there, not to the API, so that a person
   * whose link has expired or whose data was erased reads why instead of a bare error.
   */
  static final String PAGE = "/download/";

  private final Mac mac;

  DownloadLinks(Mac mac) {
    this.mac = mac;
  }

  String path(UUID packageId, UUID subjectId, Instant expires) {
    return PAGE
        + packageId
        + "?subject="
        + subjectId
        + "&expires="
        + expires.getEpochSecond()
        + "&sig="
        + sign(packageId, subjectId, expires.getEpochSecond());
  }

  void check(UUID packageId, String subject, String expires, String signature, Instant now) {
    long expiry;
    UUID subjectId;
    byte[] tag;
    try {
      expiry = Long.parseLong(expires);
      subjectId = UUID.fromString(subject);
      tag = Base64.getUrlDecoder().decode(signature);
      mac.verifyMac(tag, data(packageId, subjectId, expiry));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new StewardException("invalid-link", 403, "this download link is not valid");
    }
    if (now.getEpochSecond() >= expiry) {
      throw new GoneException("expired-link", "this download link has expired");
    }
  }

  private String sign(UUID packageId, UUID subjectId, long expiry) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.computeMac(data(packageId, subjectId, expiry)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a download link", e);
    }
  }

  private static byte[] data(UUID packageId, UUID subjectId, long expiry) {
    return (packageId + "|" + subjectId + "|" + expiry).getBytes(StandardCharsets.UTF_8);
  }
}
