package dev.steward.logscan;

/**
 * The one tokenisation every part of the scanner shares. A token is a run of bytes that are not
 * delimiters; {@code @ . - _ : + %} and every non-ASCII byte belong to tokens, so an email, an IPv4
 * or IPv6 address, a cookie id and a UTF-8 name each stay one token. Hashes fold ASCII case so that
 * emails can be found whatever their case; the exact comparison happens later.
 */
final class Tokens {
  static final byte TOKEN = 0;
  static final byte DELIMITER = 1;
  static final byte NEWLINE = 2;

  /** The class of each byte: {@link #TOKEN}, {@link #DELIMITER} or {@link #NEWLINE}. */
  static final byte[] CLASS = new byte[256];

  /** Each byte with ASCII letters folded to lower case. */
  static final int[] FOLD = new int[256];

  static {
    String delimiters = " \t\r\"'`,;=&?/\\[]{}()<>|*!^$#";
    for (int b = 0; b < 256; b++) {
      CLASS[b] = b < 0x20 ? DELIMITER : TOKEN;
      FOLD[b] = b >= 'A' && b <= 'Z' ? b + 32 : b;
    }
    for (char c : delimiters.toCharArray()) {
      CLASS[c] = DELIMITER;
    }
    CLASS['\n'] = NEWLINE;
  }

  private Tokens() {}

  static boolean isDelimiter(byte b) {
    return CLASS[b & 0xff] != TOKEN;
  }

  /** The running hash of a token, one byte at a time. */
  static int step(int hash, byte b) {
    return 31 * hash + FOLD[b & 0xff];
  }

  /** Spreads a running hash over the table's bits. */
  static int mix(int hash) {
    // MurmurHash3's finaliser: every input bit reaches the low bits the table uses.
    int h = hash ^ (hash >>> 16);
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }

  static int hash(byte[] bytes, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = step(h, bytes[i]);
    }
    return h;
  }

  /** The end of the token that starts at {@code from}, at most {@code to}. */
  static int tokenEnd(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to && CLASS[bytes[i] & 0xff] == TOKEN) {
      i++;
    }
    return i;
  }
}
