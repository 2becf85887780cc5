package dev.steward.policy;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * State shared while turning the YAML tree into the model: the problems found so far, and for each
 * model object the mapping it was built from, so that later rules can point at the exact key.
 * Single-use and not thread-safe.
 */
final class Binding {
  private final List<Problem> problems;
  private final Map<Object, Node.Mapping> origins = new IdentityHashMap<>();

  Binding(List<Problem> problems) {
    this.problems = problems;
  }

  void add(Problem problem) {
    problems.add(problem);
  }

  /** Records where {@code value} came from and returns it. */
  <T> T origin(T value, Fields fields) {
    origins.put(value, fields.node());
    return value;
  }

  /** The mapping a model object was built from; a bare mapping at 1:1 if unknown. */
  Node.Mapping originOf(Object value) {
    Node.Mapping mapping = origins.get(value);
    return mapping != null ? mapping : new Node.Mapping(Location.start("policy"), Map.of());
  }

  /** The location of the {@code index}-th item of the list under {@code key}. */
  Location element(Object value, String key, int index) {
    return value instanceof Node.Mapping mapping
        ? elementOf(mapping, key, index)
        : elementOf(originOf(value), key, index);
  }

  private static Location elementOf(Node.Mapping mapping, String key, int index) {
    return mapping
        .get(key)
        .map(
            node ->
                node instanceof Node.Sequence sequence && index < sequence.items().size()
                    ? sequence.items().get(index).location()
                    : node.location())
        .orElse(mapping.location());
  }

  /** The mappings under {@code key}, each checked against {@code shape}; others are reported. */
  List<Fields> mappings(Fields parent, String key, String shape) {
    List<Fields> result = new ArrayList<>();
    for (Node item : parent.items(key)) {
      Fields fields = Fields.of(this, item, shape);
      if (fields != null) {
        result.add(fields);
      }
    }
    return result;
  }

  /** "a purpose", "an entity": the shape's name for messages. */
  static String readable(String shape) {
    String words = shape.replace('_', ' ');
    return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
  }
}
