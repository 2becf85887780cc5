package dev.steward.logscan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which wanted identities one line holds, and where: the line is split into fields, and
 * each field that the settings name for an identity type is tokenised and its tokens looked up.
 * Only lines the fast pass flagged come here. One per thread; not thread-safe.
 */
final class LineMatcher {
  private final Wanted wanted;
  private final LineFields fields;
  private final Map<String, Integer> typesByField = new HashMap<>();
  int[] hitIdentity = new int[8];
  int[] hitStart = new int[8];
  int[] hitEnd = new int[8];
  String[] hitField = new String[8];
  int hitCount;

  LineMatcher(LogSettings settings, Wanted wanted) {
    this.wanted = wanted;
    this.fields = new LineFields(settings);
    for (Map.Entry<IdentityType, List<String>> entry : settings.fields().entrySet()) {
      for (String name : entry.getValue()) {
        typesByField.merge(name, 1 << entry.getKey().ordinal(), (a, b) -> a | b);
      }
    }
  }

  LineFields fields() {
    return fields;
  }

  /** The type mask of the field named {@code name}: bit {@code type.ordinal()} per type. */
  int typesOf(String name) {
    Integer mask = typesByField.get(name);
    return mask == null ? 0 : mask;
  }

  /** Finds wanted identities in the line {@code [from, to)}; answers how many were found. */
  int match(byte[] line, int from, int to) {
    hitCount = 0;
    if (!fields.parse(line, from, to)) {
      return 0;
    }
    for (int f = 0; f < fields.count; f++) {
      int mask = typesOf(fields.names[f]);
      if (mask != 0) {
        field(line, fields.starts[f], fields.ends[f], mask, fields.names[f]);
      }
    }
    return hitCount;
  }

  private void field(byte[] line, int from, int to, int mask, String name) {
    int i = from;
    while (i < to) {
      if (Tokens.isDelimiter(line[i])) {
        i++;
        continue;
      }
      int end = Tokens.tokenEnd(line, i, to);
      int length = end - i;
      for (int id = wanted.head(Tokens.hash(line, i, end)); id >= 0; id = wanted.next[id]) {
        if ((mask & 1 << wanted.types[id].ordinal()) != 0
            && wanted.firstTokenLength[id] == length
            && wanted.matchesAt(id, line, i, to)) {
          add(id, i, i + wanted.values[id].length, name);
        }
      }
      i = end;
    }
  }

  private void add(int identity, int start, int end, String field) {
    if (hitCount == hitIdentity.length) {
      hitIdentity = java.util.Arrays.copyOf(hitIdentity, hitCount * 2);
      hitStart = java.util.Arrays.copyOf(hitStart, hitCount * 2);
      hitEnd = java.util.Arrays.copyOf(hitEnd, hitCount * 2);
      hitField = java.util.Arrays.copyOf(hitField, hitCount * 2);
    }
    hitIdentity[hitCount] = identity;
    hitStart[hitCount] = start;
    hitEnd[hitCount] = end;
    hitField[hitCount] = field;
    hitCount++;
  }
}
