package dev.steward.logscan;

/**
 * The hot loop: finds the lines of a block that may hold a wanted identity, and hands each to a
 * {@link Candidates} callback, in order. Two ways, same answer:
 *
 * <ul>
 *   <li><b>Tokens</b> (many identities): every byte is classed once; each token's hash is built as
 *       it is read and, if its length is one a wanted identity's first token has, looked up in the
 *       {@link Wanted} table. A thousand identities cost what one does.
 *   <li><b>Needles</b> (a few identities): a Horspool search over the bytes for the identities'
 *       first tokens, skipping a needle's length at a time, ASCII case folded, as {@code grep -F}
 *       does; only a line where one occurs is looked at.
 * </ul>
 *
 * Both only flag lines; {@link LineMatcher} decides. Immutable; thread-safe.
 */
final class FastPass {
  /** Up to this many distinct first tokens the needle search is used. */
  static final int MAX_NEEDLES = 4;

  interface Candidates {
    /** The line {@code [start, end)} (without its newline) at file offset {@code offset}. */
    void line(byte[] block, int start, int end, long offset);
  }

  private final Wanted wanted;
  private final byte[][] needles;
  private final int window;
  private final int[] shift = new int[256];
  private final int shortest;

  FastPass(Wanted wanted) {
    this.wanted = wanted;
    byte[][] first = wanted.firstTokens();
    int shortest = Integer.MAX_VALUE;
    for (byte[] needle : first) {
      shortest = Math.min(shortest, needle.length);
    }
    this.shortest = first.length == 0 ? 1 : Math.min(shortest, 64);
    if (first.length > 0 && first.length <= MAX_NEEDLES && shortest >= 3) {
      needles = first;
      window = Math.min(shortest, 64);
      java.util.Arrays.fill(shift, window);
      for (byte[] needle : needles) {
        for (int i = 0; i < window - 1; i++) {
          int distance = window - 1 - i;
          int b = needle[i] & 0xff;
          int folded = Tokens.FOLD[b];
          int upper = folded >= 'a' && folded <= 'z' ? folded - 32 : folded;
          shift[folded] = Math.min(shift[folded], distance);
          shift[upper] = Math.min(shift[upper], distance);
        }
        int last = Tokens.FOLD[needle[window - 1] & 0xff];
        shift[last] = 0;
        shift[last >= 'a' && last <= 'z' ? last - 32 : last] = 0;
      }
    } else {
      needles = null;
      window = 0;
    }
  }

  boolean usesNeedles() {
    return needles != null;
  }

  /** Flags the candidate lines of {@code block[from, to)}, whose byte {@code from} is at base. */
  void scan(byte[] block, int from, int to, long base, Candidates out) {
    if (wanted.isEmpty()) {
      return;
    }
    if (needles != null) {
      needles(block, from, to, base, out);
    } else {
      tokens(block, from, to, base, out);
    }
  }

  /**
   * Looks only at tokens as long as a wanted first token can be: if the byte {@code shortest - 1}
   * ahead is a delimiter, no such token starts before it, so the search jumps past it. A token that
   * is long enough is hashed and looked up; a line is flagged at its first hit.
   */
  private void tokens(byte[] block, int from, int to, long base, Candidates out) {
    final byte[] classes = Tokens.CLASS;
    final long lengths = wanted.lengthMask;
    final int reach = shortest - 1;
    int i = from;
    // Invariant: i is at a token boundary (the block's start or just after a delimiter).
    while (i < to) {
      int probe = i + reach;
      if (probe >= to) {
        probe = to - 1;
      }
      if (classes[block[probe] & 0xff] != Tokens.TOKEN) {
        i = probe + 1;
        continue;
      }
      int start = probe;
      while (start > i && classes[block[start - 1] & 0xff] == Tokens.TOKEN) {
        start--;
      }
      int end = probe + 1;
      while (end < to && classes[block[end] & 0xff] == Tokens.TOKEN) {
        end++;
      }
      int length = end - start;
      if ((lengths >>> Math.min(length, 63) & 1) != 0
          && wanted.head(Tokens.hash(block, start, end)) >= 0) {
        int lineStart = start;
        while (lineStart > from && block[lineStart - 1] != '\n') {
          lineStart--;
        }
        int lineEnd = end;
        while (lineEnd < to && block[lineEnd] != '\n') {
          lineEnd++;
        }
        out.line(block, lineStart, lineEnd, base + (lineStart - from));
        i = lineEnd + 1;
      } else {
        i = end + 1;
      }
    }
  }

  private void needles(byte[] block, int from, int to, long base, Candidates out) {
    final int[] skip = shift;
    final int m = window;
    int pos = from + m - 1;
    while (pos < to) {
      int s = skip[block[pos] & 0xff];
      if (s != 0) {
        pos += s;
        continue;
      }
      int start = pos - m + 1;
      if (occurs(block, start, to)) {
        int lineStart = start;
        while (lineStart > from && block[lineStart - 1] != '\n') {
          lineStart--;
        }
        int lineEnd = start;
        while (lineEnd < to && block[lineEnd] != '\n') {
          lineEnd++;
        }
        out.line(block, lineStart, lineEnd, base + (lineStart - from));
        pos = lineEnd + m;
      } else {
        pos++;
      }
    }
  }

  private boolean occurs(byte[] block, int start, int to) {
    final int[] fold = Tokens.FOLD;
    for (byte[] needle : needles) {
      if (start + needle.length > to) {
        continue;
      }
      int i = 0;
      while (i < needle.length && fold[block[start + i] & 0xff] == fold[needle[i] & 0xff]) {
        i++;
      }
      if (i == needle.length) {
        return true;
      }
    }
    return false;
  }
}
