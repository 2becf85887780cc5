package dev.steward.vault;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids the vault accepts for subject types, categories, purposes, sources, systems, legal bases,
 * custom identity types and recipients, and which sources are indirect. Backed by the policy file
 * in the running node; {@link #of} gives a fixed set. Implementations are thread-safe.
 */
@FunctionalInterface
public interface VaultVocabulary {

  /** The kinds of id a vault call may name. */
  enum Term {
    SUBJECT_TYPE("subject type"),
    CATEGORY("category"),
    PURPOSE("purpose"),
    SOURCE("source"),
    SYSTEM("system"),
    LEGAL_BASIS("legal basis"),
    IDENTITY_TYPE("identity type"),
    RECIPIENT("recipient"),
    /** A source the policy marks indirect: data from it starts the GDPR Art. 14 notice clock. */
    INDIRECT_SOURCE("indirect source");

    private final String label;

    Term(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** True when {@code id} is declared as a {@code term}. Built-in identity types need no entry. */
  boolean knows(Term term, String id);

  /**
   * What a disclosure to {@code recipient} gives beyond what the policy says that recipient
   * receives: each category outside its declared ones ({@code category:<id>}; a declared category
   * covers its sub-categories) and a purpose outside its declared purposes ({@code purpose:<id>}),
   * sorted. Nothing where the policy leaves the recipient's categories or purposes unstated, or
   * does not know the recipient.
   */
  default List<String> beyondDeclared(
      String recipient, Collection<String> categories, String purpose) {
    return List.of();
  }

  /** A vocabulary that knows exactly the given ids. */
  static VaultVocabulary of(Map<Term, Set<String>> ids) {
    Map<Term, Set<String>> copy = new EnumMap<>(Term.class);
    ids.forEach((term, set) -> copy.put(term, Set.copyOf(set)));
    return (term, id) -> copy.getOrDefault(term, Set.of()).contains(id);
  }
}
