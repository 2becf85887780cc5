package dev.steward.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import dev.steward.keys.KeyName;
import dev.steward.keys.Keys;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signed consent receipts: one JSON document per ledger event that the person can download and
 * anyone holding Steward's public key can check later. The receipt carries the Kantara Consent
 * Receipt 1.1 / ISO/IEC TS 27560 fields of the event; the signature is Ed25519 (the audit-signing
 * key, under a domain prefix of its own so a receipt signature can never pass as a checkpoint
 * signature or the reverse) over the receipt's canonical form: its JSON with keys sorted, no
 * spaces, absent values left out. Thread-safe.
 */
public final class ConsentReceipts {
  /** Written before the canonical bytes, separating these signatures from every other use. */
  private static final byte[] DOMAIN =
      "steward consent receipt v1\n".getBytes(StandardCharsets.UTF_8);

  static final String VERSION = "steward-consent-receipt-1";

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private final PublicKeySign signer;
  private final PublicKeyVerify verifier;
  private final String keyFingerprint;

  public ConsentReceipts(PublicKeySign signer, PublicKeyVerify verifier, String keyFingerprint) {
    this.signer = signer;
    this.verifier = verifier;
    this.keyFingerprint = keyFingerprint;
  }

  public static ConsentReceipts of(Keys keys) {
    return new ConsentReceipts(
        keys.signer(KeyName.AUDIT_SIGNING),
        keys.verifier(KeyName.AUDIT_SIGNING),
        keys.fingerprint(KeyName.AUDIT_SIGNING));
  }

  /** The signed receipt of {@code event} as a JSON document: {@code {receipt, signature}}. */
  public String sign(ConsentEvent event) {
    Map<String, Object> receipt = receipt(event);
    try {
      byte[] signature = signer.sign(signed(canonical(receipt)));
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("receipt", receipt);
      document.put(
          "signature",
          Map.of(
              "alg",
              "Ed25519",
              "key",
              keyFingerprint,
              "value",
              Base64.getUrlEncoder().withoutPadding().encodeToString(signature)));
      return CANONICAL.writeValueAsString(document);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a consent receipt", e);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * True when {@code document} is a receipt this installation signed and nothing of it was changed
   * since; false for anything else, unreadable input included.
   */
  public boolean verify(String document) {
    try {
      JsonNode root = CANONICAL.readTree(document);
      JsonNode receipt = root.path("receipt");
      JsonNode signature = root.path("signature");
      if (!receipt.isObject()
          || !"Ed25519".equals(signature.path("alg").asText())
          || !keyFingerprint.equals(signature.path("key").asText())) {
        return false;
      }
      byte[] value = Base64.getUrlDecoder().decode(signature.path("value").asText());
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = CANONICAL.convertValue(receipt, TreeMap.class);
      verifier.verify(value, signed(canonical(fields)));
      return true;
    } catch (GeneralSecurityException | JsonProcessingException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The receipt's fields, named after the Kantara Consent Receipt 1.1 where it has one. */
  static Map<String, Object> receipt(ConsentEvent event) {
    Map<String, Object> fields = new TreeMap<>();
    fields.put("version", VERSION);
    fields.put("receiptId", event.id().toString());
    fields.put("consentId", event.consentId().toString());
    fields.put("event", event.kind().code());
    if (event.subjectId() != null) {
      fields.put("subjectId", event.subjectId().toString());
    }
    if (event.deviceId() != null) {
      fields.put("deviceId", event.deviceId());
    }
    fields.put("dataController", event.controller());
    fields.put("policyVersion", event.noticeVersion());
    fields.put("policyHash", event.noticeHash());
    fields.put("purposes", event.purposes());
    fields.put("piiCategories", event.categories());
    fields.put("legalBasis", event.legalBasis());
    fields.put("collectionMethod", event.method());
    fields.put("consentTimestamp", event.occurredAt().toString());
    if (event.expiresAt() != null) {
      fields.put("expiresAt", event.expiresAt().toString());
    }
    fields.put("withdrawalMethods", event.withdrawal());
    fields.put("evidence", event.evidence());
    fields.put("recordedBy", event.source());
    return fields;
  }

  private static byte[] canonical(Map<String, Object> receipt) throws JsonProcessingException {
    return CANONICAL.writeValueAsBytes(receipt);
  }

  private static byte[] signed(byte[] canonical) {
    byte[] bytes = new byte[DOMAIN.length + canonical.length];
    System.arraycopy(DOMAIN, 0, bytes, 0, DOMAIN.length);
    System.arraycopy(canonical, 0, bytes, DOMAIN.length, canonical.length);
    return bytes;
  }
}
