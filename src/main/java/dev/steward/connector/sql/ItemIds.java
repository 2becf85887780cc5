package dev.steward.connector.sql;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The id of one value in an access package: {@code table/column/key}, the key's values URL-encoded
 * and joined by {@code ,}. Staff name items by these ids in corrections; rectification accepts an
 * id only for a row of the person's.
 */
final class ItemIds {
  private ItemIds() {}

  record Parsed(String table, String column, List<String> key) {}

  static String of(String table, String column, List<Object> key) {
    StringBuilder id =
        new StringBuilder(encode(table)).append('/').append(encode(column)).append('/');
    for (int i = 0; i < key.size(); i++) {
      id.append(i == 0 ? "" : ",").append(encode(SqlSystem.text(key.get(i))));
    }
    return id.toString();
  }

  static Optional<Parsed> parse(String id) {
    String[] parts = id.split("/", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    List<String> key = new ArrayList<>();
    for (String value : parts[2].split(",", -1)) {
      key.add(decode(value));
    }
    return Optional.of(new Parsed(decode(parts[0]), decode(parts[1]), key));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
