package dev.steward.policy;

import java.util.Set;

/**
 * Warns about a translation whose text the file no longer contains: after the English text was
 * edited, its documents in that language would fall back to the English. Stateless.
 */
final class TranslationRules {
  private final Binding binding;

  TranslationRules(Binding binding) {
    this.binding = binding;
  }

  void check(Node.Mapping root, Policy policy) {
    if (!(root.get("translations").orElse(null) instanceof Node.Mapping languages)) {
      return;
    }
    Set<String> texts = Localizer.texts(policy);
    for (Node.Entry language : languages.entries().values()) {
      if (!(language.value() instanceof Node.Mapping translated)) {
        continue;
      }
      for (Node.Entry text : translated.entries().values()) {
        if (!texts.contains(text.key().strip())) {
          binding.add(
              text.keyLocation()
                  .warning(
                      "no text of the policy reads '"
                          + text.key()
                          + "', so this translation into "
                          + language.key()
                          + " is never used",
                      "translate the text exactly as the policy now writes it"));
        }
      }
    }
  }
}
