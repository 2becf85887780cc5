package dev.steward.importer;

import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered byte source that knows its position: bytes consumed from the start of the (plain)
 * text, and the current physical line. The readers build rows from it byte by byte, which is what
 * lets them cap field and line sizes and resynchronise at the next line without decoding first.
 */
final class ByteInput {
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long offset;
  private long line = 1;

  ByteInput(InputStream in) {
    this.in = in;
  }

  /** The next byte, or -1 at the end. */
  int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    int b = buffer[position++] & 0xff;
    offset++;
    if (b == '\n') {
      line++;
    }
    return b;
  }

  /** The next byte without consuming it, or -1 at the end. */
  int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position] & 0xff;
  }

  /** Consumes up to and including the next newline (or to the end). */
  void skipLine() throws IOException {
    for (int b = read(); b >= 0 && b != '\n'; b = read()) {
      // Discarding the rest of an oversized or broken line.
    }
  }

  /** Skips forward to {@code target} (an offset from a checkpoint), which is on line {@code at}. */
  void skipTo(long target, long at) throws IOException {
    while (offset < target) {
      if (position == limit && !fill()) {
        throw new IOException("the file ends before the checkpoint at byte " + target);
      }
      int step = (int) Math.min(limit - position, target - offset);
      position += step;
      offset += step;
    }
    line = at;
  }

  long offset() {
    return offset;
  }

  long line() {
    return line;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
