package dev.steward.opendsr;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * The OpenDSR signature: base64 of a SHA-256 signature (RSA PKCS#1 v1.5 or ECDSA, after the key)
 * over the exact body bytes, in {@code X-OpenDSR-Signature}; version 1 peers send {@code
 * X-OpenGDPR-Signature}, which is still read. Stateless; thread-safe.
 */
public final class OpenDsrSignatures {
  public static final String SIGNATURE = "X-OpenDSR-Signature";
  public static final String OLD_SIGNATURE = "X-OpenGDPR-Signature";
  public static final String PROCESSOR_DOMAIN = "X-OpenDSR-Processor-Domain";
  public static final String OLD_PROCESSOR_DOMAIN = "X-OpenGDPR-Processor-Domain";

  private OpenDsrSignatures() {}

  /** The signature a message carries under either name, or null. */
  public static String signatureOf(UnaryOperator<String> headers) {
    String signature = headers.apply(SIGNATURE);
    return signature != null ? signature : headers.apply(OLD_SIGNATURE);
  }

  /** The processor domain a message names under either header, or null. */
  public static String domainOf(UnaryOperator<String> headers) {
    String domain = headers.apply(PROCESSOR_DOMAIN);
    return domain != null ? domain : headers.apply(OLD_PROCESSOR_DOMAIN);
  }

  /**
   * True when {@code signature} signs {@code body} with the key of {@code signer}. The caller
   * checks, separately, that {@code signer} chains to a CA it trusts.
   */
  public static boolean verify(byte[] body, String signature, X509Certificate signer) {
    if (signature == null) {
      return false;
    }
    try {
      PublicKey key = signer.getPublicKey();
      Signature verifier = Signature.getInstance(algorithm(key));
      verifier.initVerify(key);
      verifier.update(body);
      return verifier.verify(Base64.getMimeDecoder().decode(signature.strip()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  public static boolean verify(String body, String signature, X509Certificate signer) {
    return verify(body.getBytes(StandardCharsets.UTF_8), signature, signer);
  }

  static String algorithm(Key key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC", "ECDSA" -> "SHA256withECDSA";
      default ->
          throw new IllegalArgumentException(
              "OpenDSR signs with RSA or EC keys, not " + key.getAlgorithm());
    };
  }
}
