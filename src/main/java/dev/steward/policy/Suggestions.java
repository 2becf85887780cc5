package dev.steward.policy;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" by Levenshtein distance, for misspelt keys, ids and enum values. */
final class Suggestions {
  private Suggestions() {}

  /** The closest candidate, if it is close enough to be a plausible typo. */
  static Optional<String> nearest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int tolerated = Math.max(2, word.length() / 3);
    return bestDistance <= tolerated ? Optional.of(best) : Optional.empty();
  }

  /** A hint sentence: "did you mean 'x'?" or the list of what is allowed. */
  static String hint(String word, Collection<String> candidates) {
    return nearest(word, candidates)
        .map(match -> "did you mean '" + match + "'?")
        .orElse("allowed: " + String.join(", ", candidates));
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
