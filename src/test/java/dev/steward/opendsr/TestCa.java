package dev.steward.opendsr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made at run time, and a processor certificate it issued, written as the
 * PEM files a node is configured with. Also checks a chain against this CA alone (PKIX).
 */
final class TestCa {
  final X509Certificate caCertificate;
  final X509Certificate processorCertificate;
  final Path keyFile;
  final Path chainFile;

  TestCa(Path dir, String processorDomain) {
    try {
      KeyPair ca = rsa();
      KeyPair processor = rsa();
      X500Name caName = new X500Name("CN=Steward Test CA");
      caCertificate = certificate(caName, ca, caName, ca, true);
      processorCertificate =
          certificate(caName, ca, new X500Name("CN=" + processorDomain), processor, false);
      keyFile = dir.resolve("opendsr-key.pem");
      chainFile = dir.resolve("opendsr-chain.pem");
      pem(keyFile, processor.getPrivate());
      pem(chainFile, processorCertificate, caCertificate);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Throws unless {@code pem} is a chain that PKIX-validates up to this CA. */
  void validate(String pem) throws GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> chain = new ArrayList<>();
    factory
        .generateCertificates(new java.io.ByteArrayInputStream(pem.getBytes()))
        .forEach(c -> chain.add((X509Certificate) c));
    // The anchor is not part of the path PKIX validates.
    List<X509Certificate> path = chain.stream().filter(c -> !c.equals(caCertificate)).toList();
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(caCertificate, null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), parameters);
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(
      X500Name issuer, KeyPair issuerKeys, X500Name subject, KeyPair subjectKeys, boolean ca)
      throws GeneralSecurityException, OperatorCreationException {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(ca ? 0 : 1)),
            Date.from(now.minus(1, ChronoUnit.HOURS)),
            Date.from(now.plus(1, ChronoUnit.DAYS)),
            subject,
            subjectKeys.getPublic());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
  }

  private static void pem(Path file, Object... objects) {
    try (Writer writer = Files.newBufferedWriter(file);
        JcaPEMWriter pem = new JcaPEMWriter(writer)) {
      for (Object object : objects) {
        pem.writeObject(object);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
