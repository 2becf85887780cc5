package dev.steward.mail;

import dev.steward.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RSA key that DKIM-signs every letter (RFC 6376), read from {@code
 * <keys-dir>/dkim-<selector>.pem} (PKCS#8 PEM, at least 2048 bits): the selector is the file's
 * middle part, the signing domain that of the sender address. Its public half is published by the
 * company in DNS at {@code <selector>._domainkey.<domain>}. Without such a file letters go
 * unsigned, and marketing mail is refused, since RFC 8058 §4 asks for a signature covering its
 * unsubscribe headers.
 *
 * @param selector DKIM selector, e.g. {@code steward2026}
 * @param key the private key
 */
public record DkimKey(String selector, RSAPrivateKey key) {
  private static final Pattern FILE = Pattern.compile("dkim-([a-z0-9][a-z0-9-]{0,62})\\.pem");

  @Override
  public String toString() {
    return "DkimKey[selector=" + selector + "]";
  }

  /** The key in {@code keysDir}, if one is there; more than one is a configuration error. */
  public static Optional<DkimKey> find(Path keysDir) {
    if (!Files.isDirectory(keysDir)) {
      return Optional.empty();
    }
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(keysDir, "dkim-*.pem")) {
      files.forEach(found::add);
    } catch (IOException e) {
      throw new ConfigurationException("cannot list the keys directory " + keysDir, e);
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (found.size() > 1) {
      throw new ConfigurationException(
          "more than one DKIM key (dkim-<selector>.pem) in " + keysDir + ": keep only one");
    }
    Path file = found.get(0);
    Matcher name = FILE.matcher(file.getFileName().toString());
    if (!name.matches()) {
      throw new ConfigurationException(
          file + ": a DKIM key file is named dkim-<selector>.pem, the selector in a-z 0-9 -");
    }
    try {
      return Optional.of(new DkimKey(name.group(1), read(Files.readString(file))));
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new ConfigurationException(file + " is not a PKCS#8 PEM RSA private key", e);
    }
  }

  static RSAPrivateKey read(String pem) throws GeneralSecurityException {
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
    RSAPrivateKey key =
        (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    if (key.getModulus().bitLength() < 2048) {
      throw new GeneralSecurityException("a DKIM key needs at least 2048 bits (RFC 8301)");
    }
    return key;
  }
}
