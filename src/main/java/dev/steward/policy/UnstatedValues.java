package dev.steward.policy;

/**
 * Warns at every value written as {@code unstated}: the policy is usable, but a fact that notices
 * and records should state is missing from the company's own documents.
 */
final class UnstatedValues {
  private UnstatedValues() {}

  static void check(Node node, String key, Binding binding) {
    if (node instanceof Node.Mapping mapping) {
      for (Node.Entry entry : mapping.entries().values()) {
        check(entry.value(), entry.key(), binding);
      }
    } else if (node instanceof Node.Sequence sequence) {
      for (Node item : sequence.items()) {
        check(item, key, binding);
      }
    } else if (node instanceof Node.Scalar scalar && Policy.UNSTATED.equals(scalar.text())) {
      binding.add(
          scalar
              .location()
              .warning(
                  "'" + key + "' is unstated",
                  "the company's documents do not say; state it once it is known"));
    }
  }
}
