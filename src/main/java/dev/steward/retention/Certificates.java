package dev.steward.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.keys.KeyName;
import dev.steward.keys.Keys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deletion certificates, format 1: a JSON document
 *
 * <pre>
 * { "certificate": BODY, "sha256": HEX, "keyFingerprint": HEX, "signature": BASE64 }
 * </pre>
 *
 * where {@code sha256} is the SHA-256 of BODY written as UTF-8 JSON with every object's keys in
 * sorted order and no whitespace, and {@code signature} is the audit checkpoint key's (Tink
 * Ed25519, {@code audit-signing}, named by its fingerprint) signature over those 32 hash bytes.
 * BODY names the run, its time window, each rule with its counts and the ids of what it deleted or
 * a hold kept; never a value. A changed byte of BODY changes the hash; a changed hash fails the
 * signature.
 */
public final class Certificates {
  static final String FORMAT = "steward-deletion-certificate/1";
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final Keys keys;

  public Certificates(Keys keys) {
    this.keys = keys;
  }

  /** The outcome of checking a certificate; {@code reason} says what failed. */
  public record Verification(boolean valid, String run, String sha256, String reason) {}

  /** Signs {@code body}; returns the whole document, its hash and its signature. */
  Signed sign(Map<String, Object> body) {
    byte[] hash = sha256(canonical(CANONICAL.valueToTree(body)));
    try {
      String signature =
          Base64.getEncoder().encodeToString(keys.signer(KeyName.AUDIT_SIGNING).sign(hash));
      String fingerprint = keys.fingerprint(KeyName.AUDIT_SIGNING);
      Map<String, Object> document = new TreeMap<>();
      document.put("certificate", body);
      document.put("sha256", HexFormat.of().formatHex(hash));
      document.put("keyFingerprint", fingerprint);
      document.put("signature", signature);
      return new Signed(
          CANONICAL.writerWithDefaultPrettyPrinter().writeValueAsString(document),
          HexFormat.of().formatHex(hash),
          signature,
          fingerprint);
    } catch (GeneralSecurityException | JsonProcessingException e) {
      throw new IllegalStateException("the certificate could not be signed", e);
    }
  }

  record Signed(String document, String sha256, String signature, String keyFingerprint) {}

  /**
   * Checks a certificate document: its shape, its hash, and the signature under this store's key.
   */
  public Verification verify(String document) {
    JsonNode root;
    try {
      root = CANONICAL.readTree(document == null ? "" : document);
    } catch (JsonProcessingException e) {
      return new Verification(false, null, null, "not a JSON document");
    }
    if (root == null
        || !root.isObject()
        || !root.path("certificate").isObject()
        || !root.path("sha256").isTextual()
        || !root.path("signature").isTextual()
        || !root.path("keyFingerprint").isTextual()) {
      return new Verification(
          false, null, null, "not a deletion certificate: certificate, sha256, signature missing");
    }
    JsonNode body = root.get("certificate");
    String run = body.path("run").asText(null);
    String stated = root.get("sha256").asText();
    if (!FORMAT.equals(body.path("format").asText())) {
      return new Verification(false, run, stated, "unknown format, expected " + FORMAT);
    }
    byte[] hash = sha256(canonical(body));
    String actual = HexFormat.of().formatHex(hash);
    if (!actual.equals(stated)) {
      return new Verification(
          false, run, stated, "the certificate's content does not match its sha256");
    }
    if (!keys.fingerprint(KeyName.AUDIT_SIGNING).equals(root.get("keyFingerprint").asText())) {
      return new Verification(
          false, run, stated, "signed with another key than this store's audit signing key");
    }
    try {
      byte[] signature = Base64.getDecoder().decode(root.get("signature").asText());
      keys.verifier(KeyName.AUDIT_SIGNING).verify(signature, hash);
      return new Verification(true, run, stated, "ok");
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return new Verification(false, run, stated, "the signature does not verify");
    }
  }

  /** BODY as the bytes its hash covers: keys sorted at every level, no whitespace. */
  static byte[] canonical(JsonNode body) {
    try {
      Object tree = CANONICAL.treeToValue(sorted(body), Object.class);
      return CANONICAL.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = CANONICAL.createObjectNode();
      new TreeMap<String, JsonNode>(toMap(node)).forEach((k, v) -> copy.set(k, sorted(v)));
      return copy;
    }
    if (node.isArray()) {
      var copy = CANONICAL.createArrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  private static Map<String, JsonNode> toMap(JsonNode node) {
    Map<String, JsonNode> fields = new TreeMap<>();
    node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    return fields;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
