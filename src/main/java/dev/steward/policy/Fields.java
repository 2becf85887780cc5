package dev.steward.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed, checked reading of one YAML mapping of a known {@link Shape}. Creating it reports unknown
 * and missing keys; each getter reports a value of the wrong type and returns a harmless default
 * (empty text, empty list, null enum) so that reading goes on and every problem gets reported.
 */
final class Fields {
  private final Binding binding;
  private final Node.Mapping node;
  private final String shape;

  private Fields(Binding binding, Node.Mapping node, String shape) {
    this.binding = binding;
    this.node = node;
    this.shape = shape;
  }

  /** Reads {@code node} as a mapping of {@code shape}, or reports it and returns null. */
  static Fields of(Binding binding, Node node, String shape) {
    if (!(node instanceof Node.Mapping mapping)) {
      binding.add(
          node.location()
              .error(
                  "expected "
                      + Binding.readable(shape)
                      + " (a mapping), but this is "
                      + node.kind(),
                  "write it as 'key: value' lines"));
      return null;
    }
    Fields fields = new Fields(binding, mapping, shape);
    fields.checkKeys();
    return fields;
  }

  private void checkKeys() {
    var allowed = Shape.allowed(shape);
    for (Node.Entry entry : node.entries().values()) {
      if (!allowed.contains(entry.key())) {
        binding.add(
            entry
                .keyLocation()
                .error(
                    "unknown key '" + entry.key() + "' in " + Binding.readable(shape),
                    Suggestions.hint(entry.key(), allowed)));
      }
    }
    var misspelt = new java.util.HashSet<String>();
    for (String key : node.entries().keySet()) {
      if (!allowed.contains(key)) {
        Suggestions.nearest(key, allowed).ifPresent(misspelt::add);
      }
    }
    for (String key : Shape.required(shape)) {
      // A misspelt required key is reported once, as unknown with "did you mean".
      if (!node.entries().containsKey(key) && !misspelt.contains(key)) {
        binding.add(
            node.location()
                .error(
                    "missing required key '" + key + "' in " + Binding.readable(shape),
                    "add '" + key + ":'"));
      }
    }
  }

  Node.Mapping node() {
    return node;
  }

  Location where(String key) {
    return node.valueLocation(key);
  }

  boolean has(String key) {
    return node.entries().containsKey(key);
  }

  /** The text of a scalar, or "" when absent, empty or not a scalar (the latter reported). */
  String text(String key) {
    Optional<Node> value = node.get(key);
    if (value.isEmpty()) {
      return "";
    }
    if (value.get() instanceof Node.Scalar scalar) {
      return scalar.text() == null ? "" : scalar.text().strip();
    }
    binding.add(value.get().location().error("'" + key + "' must be a single value", ""));
    return "";
  }

  Optional<String> optionalText(String key) {
    String text = text(key);
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  boolean flag(String key) {
    return flagOrUnstated(key).orElse(false);
  }

  /** true or false; empty when absent or {@code unstated}. */
  Optional<Boolean> flagOrUnstated(String key) {
    String text = text(key);
    if (text.isEmpty() || text.equals(Policy.UNSTATED)) {
      return Optional.empty();
    }
    if (text.equals("true") || text.equals("false")) {
      return Optional.of(Boolean.parseBoolean(text));
    }
    binding.add(where(key).error("'" + key + "' must be true or false, not '" + text + "'", ""));
    return Optional.empty();
  }

  /** A whole number of at least zero, or null. */
  Integer amount(String key) {
    String text = text(key);
    if (text.isEmpty()) {
      return null;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    binding.add(where(key).error("'" + key + "' must be a whole number, not '" + text + "'", ""));
    return null;
  }

  /** The value as a constant of {@code type} (YAML writes them in lower case), or null. */
  <E extends Enum<E>> E choice(String key, Class<E> type) {
    String text = text(key);
    return text.isEmpty() ? null : parseChoice(key, text, where(key), type);
  }

  <E extends Enum<E>> List<E> choices(String key, Class<E> type) {
    List<E> result = new ArrayList<>();
    for (Node item : items(key)) {
      String text = scalarText(key, item);
      E value = text == null ? null : parseChoice(key, text, item.location(), type);
      if (value != null) {
        result.add(value);
      }
    }
    return result;
  }

  /** The texts of a list of scalars; a single value counts as a list of one. */
  List<String> texts(String key) {
    List<String> result = new ArrayList<>();
    for (Node item : items(key)) {
      String text = scalarText(key, item);
      if (text != null) {
        result.add(text);
      }
    }
    return result;
  }

  /** The items under {@code key}: empty when absent or {@code unstated}. */
  List<Node> items(String key) {
    Optional<Node> value = node.get(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (value.get() instanceof Node.Sequence sequence) {
      return sequence.items();
    }
    if (value.get() instanceof Node.Scalar scalar) {
      return scalar.isEmpty() || Policy.UNSTATED.equals(scalar.text())
          ? List.of()
          : List.of(scalar);
    }
    binding.add(value.get().location().error("'" + key + "' must be a list", "use '- item' lines"));
    return List.of();
  }

  /** The nested mapping under {@code key}, or null when absent or not a mapping (reported). */
  Fields child(String key, String childShape) {
    return node.get(key).map(value -> of(binding, value, childShape)).orElse(null);
  }

  private String scalarText(String key, Node item) {
    if (item instanceof Node.Scalar scalar && !scalar.isEmpty()) {
      return scalar.text().strip();
    }
    binding.add(item.location().error("each item of '" + key + "' must be a single value", ""));
    return null;
  }

  private <E extends Enum<E>> E parseChoice(
      String key, String text, Location location, Class<E> type) {
    List<String> names =
        Arrays.stream(type.getEnumConstants())
            .map(constant -> constant.name().toLowerCase(Locale.ROOT))
            .toList();
    if (names.contains(text)) {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    }
    binding.add(
        location.error(
            "'" + text + "' is not a valid " + key.replace('_', ' '),
            Suggestions.hint(text, names)));
    return null;
  }
}
