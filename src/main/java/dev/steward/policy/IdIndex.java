package dev.steward.policy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ids a policy declares, per kind ("category", "purpose" ...). Reports a duplicate where it is
 * declared the second time and an unknown reference where it is used, with a "did you mean".
 */
final class IdIndex {
  private final Binding binding;
  private final Map<String, Map<String, Location>> declared = new HashMap<>();

  IdIndex(Binding binding) {
    this.binding = binding;
  }

  void declare(String kind, String id, Location where) {
    if (id.isEmpty()) {
      return;
    }
    Map<String, Location> ids = declared.computeIfAbsent(kind, k -> new LinkedHashMap<>());
    Location first = ids.putIfAbsent(id, where);
    if (first != null) {
      binding.add(
          where.error(
              "duplicate " + kind.replace('_', ' ') + " id '" + id + "'",
              "already declared at " + first.file() + ":" + first.line() + "; ids must be unique"));
    }
  }

  /** Declares the {@code id} of a model object at the place its id is written. */
  void declare(String kind, String id, Object value) {
    declare(kind, id, binding.originOf(value).valueLocation("id"));
  }

  boolean has(String kind, String id) {
    return ids(kind).contains(id);
  }

  Set<String> ids(String kind) {
    return declared.getOrDefault(kind, Map.of()).keySet();
  }

  /**
   * Reports {@code id} unless it is declared as one of {@code kinds} (the first names it in the
   * message) or is {@code unstated}.
   */
  void reference(String id, Location where, String... kinds) {
    if (id.isEmpty() || id.equals(Policy.UNSTATED)) {
      return;
    }
    for (String kind : kinds) {
      if (has(kind, id)) {
        return;
      }
    }
    binding.add(
        where.error("unknown " + kinds[0].replace('_', ' ') + " '" + id + "'", hint(id, kinds)));
  }

  /** "did you mean" among the declared ids of {@code kinds}, or how to declare one. */
  String hint(String id, String... kinds) {
    Set<String> candidates = new TreeSet<>();
    for (String kind : kinds) {
      candidates.addAll(ids(kind));
    }
    return Suggestions.nearest(id, candidates)
        .map(match -> "did you mean '" + match + "'?")
        .orElse(
            candidates.isEmpty()
                ? "declare it first"
                : "declare it first, or use one of: " + String.join(", ", candidates));
  }
}
