package dev.steward.connector.sql;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA-256) under the connector's key ({@code hash_key_env}): the values a {@code
 * hash} erasure writes, and the row ids evidence holds in place of keys. Thread-safe.
 */
final class Hasher {
  private final SecretKeySpec key;

  Hasher(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /** 64 hex characters. */
  String hash(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** The evidence id of a row: a keyed hash of its table and key, 16 hex characters. */
  String rowId(String table, List<Object> key) {
    StringBuilder text = new StringBuilder(table);
    for (Object value : key) {
      text.append('\u0000').append(SqlSystem.text(value));
    }
    return table + ":" + hash(text.toString()).substring(0, 16);
  }
}
