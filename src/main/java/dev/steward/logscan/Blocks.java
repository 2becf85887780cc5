package dev.steward.logscan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a file, or a segment of a plain one, as blocks of whole lines in one reused byte array: a
 * line cut by the end of a read is carried to the front of the next. A segment {@code [start, end)}
 * owns the lines that start inside it, so segments of one file can be read in parallel and every
 * line is read exactly once. One per thread; not thread-safe.
 */
final class Blocks {
  static final int MAX_LINE = 64 << 20;

  interface Consumer {
    /** Whole lines {@code block[from, to)} (the last one may lack its newline), at file base. */
    void block(byte[] block, int from, int to, long base) throws IOException;
  }

  /** A source of bytes from a position; -1 at the end. */
  interface Source {
    int read(byte[] into, int offset, int length) throws IOException;
  }

  private byte[] buffer;

  Blocks(int size) {
    buffer = new byte[size];
  }

  static Source of(InputStream in) {
    return in::read;
  }

  static Source of(FileChannel channel, long position) {
    long[] at = {position};
    return (into, offset, length) -> {
      int n = channel.read(ByteBuffer.wrap(into, offset, length), at[0]);
      if (n > 0) {
        at[0] += n;
      }
      return n;
    };
  }

  /** Reads the whole source, whose first byte is at file offset 0. */
  void readAll(Source source, Consumer consumer) throws IOException {
    read(source, 0, Long.MAX_VALUE, consumer);
  }

  /**
   * Reads the lines starting in {@code [start, end)} of a plain file; {@code source} must begin at
   * {@code start - 1} when start is above 0 (to see whether a line starts at {@code start}).
   */
  void read(Source source, long start, long end, Consumer consumer) throws IOException {
    int filled = 0;
    long base = start;
    if (start > 0) {
      // Skip the rest of the line that began before the segment: the previous segment owns it.
      base = start - 1;
      while (true) {
        int n = source.read(buffer, 0, buffer.length);
        if (n <= 0) {
          return;
        }
        int newline = indexOf(buffer, (byte) '\n', 0, n);
        if (newline >= 0) {
          base += newline + 1;
          filled = n - newline - 1;
          System.arraycopy(buffer, newline + 1, buffer, 0, filled);
          break;
        }
        base += n;
      }
      if (base >= end) {
        return;
      }
    }
    while (true) {
      int n = filled < buffer.length ? source.read(buffer, filled, buffer.length - filled) : 0;
      boolean atEnd = n < 0 || (n == 0 && filled < buffer.length);
      if (!atEnd) {
        filled += n;
      }
      // At the end of the file the last line needs no newline.
      int last = atEnd ? filled - 1 : lastIndexOf(buffer, (byte) '\n', filled);
      if (atEnd && filled == 0) {
        return;
      }
      if (last < 0) {
        if (filled == buffer.length) {
          if (buffer.length >= MAX_LINE) {
            // A line longer than any log line should be: read it in pieces.
            consumer.block(buffer, 0, filled, base);
            base += filled;
            filled = 0;
          } else {
            buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
          }
        }
        continue;
      }
      int complete = last + 1;
      if (base + complete >= end) {
        int stop = indexOf(buffer, (byte) '\n', (int) Math.max(0, end - 1 - base), complete);
        consumer.block(buffer, 0, stop < 0 ? complete : stop + 1, base);
        return;
      }
      if (atEnd) {
        consumer.block(buffer, 0, complete, base);
        return;
      }
      consumer.block(buffer, 0, complete, base);
      filled -= complete;
      System.arraycopy(buffer, complete, buffer, 0, filled);
      base += complete;
    }
  }

  private static int indexOf(byte[] bytes, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(byte[] bytes, byte b, int to) {
    for (int i = to - 1; i >= 0; i--) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
