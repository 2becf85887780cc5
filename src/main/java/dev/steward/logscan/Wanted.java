package dev.steward.logscan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The identities one scan looks for, of one or many subjects, compiled for the scanner: an open
 * addressing table keyed by the hash of each identity's first token, and a mask of the token
 * lengths that can match, so most tokens of a line cost a shift and a test. Immutable and
 * thread-safe once built.
 */
public final class Wanted {
  final byte[][] values;
  final IdentityType[] types;
  final int[] subjects;
  final int[] firstTokenLength;

  /** slot → identity index + 1 (0 = empty); identities sharing a slot chain through next. */
  final int[] slots;

  final int[] slotHash;
  final int[] next;
  final int mask;
  final long lengthMask;
  private final int subjectCount;

  private Wanted(List<Entry> entries, int subjectCount) {
    int n = entries.size();
    this.subjectCount = subjectCount;
    values = new byte[n][];
    types = new IdentityType[n];
    subjects = new int[n];
    firstTokenLength = new int[n];
    next = new int[n];
    int size = Integer.highestOneBit(Math.max(16, n * 4 - 1)) << 1;
    slots = new int[size];
    slotHash = new int[size];
    mask = size - 1;
    long lengths = 0;
    for (int i = 0; i < n; i++) {
      Entry entry = entries.get(i);
      values[i] = entry.value;
      types[i] = entry.type;
      subjects[i] = entry.subject;
      int first = Tokens.tokenEnd(entry.value, 0, entry.value.length);
      firstTokenLength[i] = first;
      lengths |= 1L << Math.min(first, 63);
      int hash = Tokens.hash(entry.value, 0, first);
      int slot = Tokens.mix(hash) & mask;
      while (slots[slot] != 0 && slotHash[slot] != hash) {
        slot = (slot + 1) & mask;
      }
      next[i] = slots[slot] - 1;
      slots[slot] = i + 1;
      slotHash[slot] = hash;
    }
    lengthMask = lengths;
  }

  /** A builder; subjects are numbered in the order they are added, from 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** The identities of one subject. */
  public static Wanted of(List<LogIdentity> identities) {
    Builder builder = builder();
    builder.subject(identities);
    return builder.build();
  }

  public int subjects() {
    return subjectCount;
  }

  public int identities() {
    return values.length;
  }

  boolean isEmpty() {
    return values.length == 0;
  }

  /** True when a token of this length and running hash may start a wanted identity. */
  boolean mayMatch(int length, int hash) {
    if ((lengthMask >>> Math.min(length, 63) & 1) == 0) {
      return false;
    }
    return head(hash) >= 0;
  }

  /** The first identity whose first token has this running hash, or -1. */
  int head(int hash) {
    int slot = Tokens.mix(hash) & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      if (slotHash[slot] == hash) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The first tokens of every identity, distinct, for the few-needles search. */
  byte[][] firstTokens() {
    List<byte[]> tokens = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      byte[] token = Arrays.copyOf(values[i], firstTokenLength[i]);
      boolean seen = false;
      for (byte[] other : tokens) {
        seen |= equalsFolded(other, token);
      }
      if (!seen) {
        tokens.add(token);
      }
    }
    return tokens.toArray(new byte[0][]);
  }

  /**
   * True when identity {@code index} starts at {@code at} in {@code line} and ends before {@code
   * to} or a delimiter.
   */
  boolean matchesAt(int index, byte[] line, int at, int to) {
    byte[] value = values[index];
    int end = at + value.length;
    if (end > to) {
      return false;
    }
    boolean fold = types[index].ignoresCase();
    for (int i = 0; i < value.length; i++) {
      byte b = line[at + i];
      if (fold ? Tokens.FOLD[b & 0xff] != Tokens.FOLD[value[i] & 0xff] : b != value[i]) {
        return false;
      }
    }
    return end == to || Tokens.isDelimiter(line[end]);
  }

  private static boolean equalsFolded(byte[] a, byte[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (Tokens.FOLD[a[i] & 0xff] != Tokens.FOLD[b[i] & 0xff]) {
        return false;
      }
    }
    return true;
  }

  /** Collects subjects' identities; not thread-safe. */
  public static final class Builder {
    private final List<Entry> entries = new ArrayList<>();
    private int subjects;

    /** Adds one subject's identities and returns its number. */
    public int subject(List<LogIdentity> identities) {
      int number = subjects++;
      for (LogIdentity identity : identities) {
        byte[] value = identity.value().getBytes(StandardCharsets.UTF_8);
        // A value that starts with a delimiter could never start a token: it cannot be found.
        if (value.length > 0 && !Tokens.isDelimiter(value[0])) {
          entries.add(new Entry(identity.type(), value, number));
        }
      }
      return number;
    }

    public Wanted build() {
      return new Wanted(entries, subjects);
    }
  }

  private record Entry(IdentityType type, byte[] value, int subject) {}
}
