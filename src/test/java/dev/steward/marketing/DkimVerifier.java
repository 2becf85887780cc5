package dev.steward.marketing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An independent check of a DKIM signature (RFC 6376) for tests: relaxed/relaxed canonicalisation
 * (§3.4.2, §3.4.4) and rsa-sha256, written from the RFC rather than the signing library, so a
 * signature that does not cover the headers or body as sent fails here.
 */
final class DkimVerifier {
  private DkimVerifier() {}

  /** The signature's tags, e.g. {@code h}, {@code d}, {@code s}. */
  static Map<String, String> tags(String raw) {
    String header =
        headers(raw).stream()
            .filter(h -> name(h).equals("dkim-signature"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no DKIM-Signature header"));
    Map<String, String> tags = new HashMap<>();
    for (String tag : header.substring(header.indexOf(':') + 1).split(";")) {
      int eq = tag.indexOf('=');
      if (eq > 0) {
        tags.put(tag.substring(0, eq).strip(), tag.substring(eq + 1).replaceAll("\\s", ""));
      }
    }
    return tags;
  }

  /** True when the message's first DKIM-Signature verifies with {@code key}. */
  static boolean verifies(String raw, PublicKey key) throws Exception {
    Map<String, String> tags = tags(raw);
    if (!"rsa-sha256".equals(tags.get("a")) || !"relaxed/relaxed".equals(tags.get("c"))) {
      throw new AssertionError("expected rsa-sha256 relaxed/relaxed, got " + tags);
    }
    int split = raw.indexOf("\r\n\r\n");
    String body = raw.substring(split + 4);
    byte[] bodyHash =
        MessageDigest.getInstance("SHA-256")
            .digest(relaxedBody(body).getBytes(StandardCharsets.UTF_8));
    if (!Base64.getEncoder().encodeToString(bodyHash).equals(tags.get("bh"))) {
      return false;
    }
    List<String> headers = headers(raw);
    List<String> used = new ArrayList<>();
    StringBuilder signed = new StringBuilder();
    for (String name : tags.get("h").split(":")) {
      String wanted = name.strip().toLowerCase(Locale.ROOT);
      // §5.4.2: the last unused instance of a header, from the bottom up.
      for (int i = headers.size() - 1; i >= 0; i--) {
        String header = headers.get(i);
        if (name(header).equals(wanted) && !used.contains(i + ":" + wanted)) {
          used.add(i + ":" + wanted);
          signed.append(relaxedHeader(header)).append("\r\n");
          break;
        }
      }
    }
    String dkim =
        headers.stream().filter(h -> name(h).equals("dkim-signature")).findFirst().orElseThrow();
    String withoutB = dkim.replaceAll("(?s)(\\bb=)[^;]*", "$1");
    signed.append(relaxedHeader(withoutB));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update(signed.toString().getBytes(StandardCharsets.UTF_8));
    return rsa.verify(Base64.getDecoder().decode(tags.get("b")));
  }

  /** The header fields of the message, each unfolded into one string with its name. */
  static List<String> headers(String raw) {
    String block = raw.substring(0, raw.indexOf("\r\n\r\n"));
    List<String> headers = new ArrayList<>();
    for (String line : block.split("\r\n")) {
      if (!headers.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
        headers.set(headers.size() - 1, headers.get(headers.size() - 1) + "\r\n" + line);
      } else {
        headers.add(line);
      }
    }
    return headers;
  }

  private static String name(String header) {
    return header.substring(0, header.indexOf(':')).strip().toLowerCase(Locale.ROOT);
  }

  private static String relaxedHeader(String header) {
    int colon = header.indexOf(':');
    String value =
        header.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
    return name(header) + ":" + value;
  }

  private static String relaxedBody(String body) {
    String[] lines = body.split("\r\n", -1);
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(line.replaceAll("[ \t]+", " ").replaceAll(" +$", ""));
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out.isEmpty() ? "" : String.join("\r\n", out) + "\r\n";
  }
}
