package dev.steward.opendsr;

import dev.steward.error.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The processor's signing key with its certificate chain, read once at start-up. Refuses a chain
 * whose first certificate does not hold the key's public half, and a lone self-signed certificate:
 * the standard wants a certificate issued by a CA. Immutable; thread-safe.
 */
final class ProcessorKey {
  private final PrivateKey key;
  private final List<X509Certificate> chain;

  ProcessorKey(PrivateKey key, List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      throw new ConfigurationException("opendsr-certificate holds no certificate");
    }
    X509Certificate leaf = chain.get(0);
    if (leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
      throw new ConfigurationException(
          "opendsr-certificate starts with a self-signed certificate; give one issued by a CA");
    }
    this.key = key;
    this.chain = List.copyOf(chain);
    byte[] probe = "steward".getBytes(StandardCharsets.UTF_8);
    if (!OpenDsrSignatures.verify(probe, sign(probe), leaf)) {
      throw new ConfigurationException(
          "opendsr-key does not belong to the first certificate of opendsr-certificate");
    }
  }

  static ProcessorKey load(Path keyFile, Path chainFile) {
    return new ProcessorKey(readKey(keyFile), readChain(chainFile));
  }

  /** Base64 of the signature over exactly {@code body}. */
  String sign(byte[] body) {
    try {
      Signature signer = Signature.getInstance(OpenDsrSignatures.algorithm(key));
      signer.initSign(key);
      signer.update(body);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the OpenDSR key", e);
    }
  }

  /** The chain as PEM, the processor's certificate first, as served to controllers. */
  String chainPem() {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      for (X509Certificate certificate : chain) {
        writer.writeObject(new JcaMiscPEMGenerator(certificate));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static PrivateKey readKey(Path file) {
    try (Reader reader = Files.newBufferedReader(file);
        PEMParser parser = new PEMParser(reader)) {
      Object read = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (read instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      if (read instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      throw new ConfigurationException(
          "opendsr-key " + file + " holds no unencrypted PEM private key");
    } catch (IOException e) {
      throw new ConfigurationException("cannot read opendsr-key " + file + ": " + e.getMessage());
    }
  }

  private static List<X509Certificate> readChain(Path file) {
    try (var in = Files.newInputStream(file)) {
      List<X509Certificate> chain = new ArrayList<>();
      CertificateFactory.getInstance("X.509")
          .generateCertificates(in)
          .forEach(c -> chain.add((X509Certificate) c));
      return chain;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigurationException(
          "cannot read opendsr-certificate " + file + ": " + e.getMessage());
    }
  }
}
