package dev.steward.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed YAML tree, every node carrying where it was written. Kept separate from the policy
 * model so that the validator can point at the exact key or value that is wrong, including in
 * included files.
 */
sealed interface Node {
  Location location();

  /** A short name for messages: "a mapping", "a list", "a value". */
  String kind();

  /** A scalar; {@code text} is null for an empty value or YAML null. */
  record Scalar(Location location, String text) implements Node {
    @Override
    public String kind() {
      return text == null ? "an empty value" : "a value";
    }

    boolean isEmpty() {
      return text == null || text.isBlank();
    }
  }

  record Sequence(Location location, List<Node> items) implements Node {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A mapping; keys keep their own location so "unknown key" points at the key itself. */
  record Mapping(Location location, Map<String, Entry> entries) implements Node {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String kind() {
      return "a mapping";
    }

    Optional<Node> get(String key) {
      Entry entry = entries.get(key);
      return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    /** Where the key is written, or the mapping itself when the key is absent. */
    Location keyLocation(String key) {
      Entry entry = entries.get(key);
      return entry == null ? location : entry.keyLocation();
    }

    /** Where the value of the key is written, or the mapping itself when the key is absent. */
    Location valueLocation(String key) {
      Entry entry = entries.get(key);
      return entry == null ? location : entry.value().location();
    }
  }

  record Entry(String key, Location keyLocation, Node value) {}
}
