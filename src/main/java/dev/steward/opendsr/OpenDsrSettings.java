package dev.steward.opendsr;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How this node speaks OpenDSR as a processor. Without both a key and a certificate chain the
 * OpenDSR routes answer 503 {@code opendsr-not-configured}: Steward never signs with a key it made
 * up.
 *
 * @param key PEM private key (PKCS#8, or PKCS#1 RSA / SEC1 EC) that signs responses and callbacks
 * @param certificateChain PEM certificates, the key's own first, then its issuers up to the CA
 * @param processorDomain sent as {@code X-OpenDSR-Processor-Domain}; the domain the certificate is
 *     issued to
 * @param allowLoopbackHttp accept {@code http://127.0.0.1} callback URLs (tests only)
 * @param gdprResidence the residence given to {@code gdpr} requests, whose wire format names none
 * @param ccpaResidence the residence given to {@code ccpa} requests
 */
public record OpenDsrSettings(
    Optional<Path> key,
    Optional<Path> certificateChain,
    String processorDomain,
    boolean allowLoopbackHttp,
    String gdprResidence,
    String ccpaResidence) {

  public OpenDsrSettings {
    if (key.isPresent() != certificateChain.isPresent()) {
      throw new IllegalArgumentException(
          "opendsr-key and opendsr-certificate are given together or not at all");
    }
    if (processorDomain == null || processorDomain.isBlank()) {
      throw new IllegalArgumentException("opendsr-domain must not be blank");
    }
  }

  /** Not configured: the routes answer 503. */
  public static OpenDsrSettings none(String processorDomain) {
    return new OpenDsrSettings(
        Optional.empty(), Optional.empty(), processorDomain, false, "IE", "US-CA");
  }

  public boolean configured() {
    return key.isPresent();
  }
}
