package dev.steward.importer;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/** Opening an import file (gzip told by its magic bytes, not its name) and hashing it. */
final class InputFiles {
  private static final int GZIP_MAGIC = 0x8b1f;

  private InputFiles() {}

  /** The file's text as bytes, decompressed if it is gzip; {@code read} counts raw bytes. */
  static InputStream open(Path file, Counter read) throws IOException {
    InputStream raw = new CountingStream(Files.newInputStream(file), read);
    BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    if (first >= 0 && second >= 0 && ((second << 8) | first) == GZIP_MAGIC) {
      Gzip gzip = new Gzip(buffered);
      read.gzip = gzip;
      return gzip;
    }
    return buffered;
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest = digest();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** How many bytes of the file have been read so far; read from the progress reporter. */
  static final class Counter {
    private volatile long bytes;
    private volatile Gzip gzip;

    long bytes() {
      return bytes;
    }

    /**
     * The bytes of the file behind {@code plainOffset}, a position in its (decompressed) text. The
     * raw count runs ahead of the rows imported by whatever the buffers and the decompressor have
     * read in advance, up to a few hundred kilobytes: on a small gzip file, most of it at the first
     * batch. For a plain file the offset is the position in the file; for gzip it is scaled by the
     * compression ratio of what has been inflated so far.
     */
    long bytesAt(long plainOffset) {
      Gzip compressed = gzip;
      if (compressed == null) {
        return Math.min(plainOffset, bytes);
      }
      long in = compressed.compressedRead();
      long out = compressed.plainWritten();
      if (out <= 0) {
        return 0;
      }
      return Math.min(bytes, Math.round((double) plainOffset * in / out));
    }
  }

  /** A gzip stream that tells how much it has inflated, and from how many compressed bytes. */
  private static final class Gzip extends GZIPInputStream {
    Gzip(InputStream in) throws IOException {
      super(in, 1 << 16);
    }

    long compressedRead() {
      return inf.getBytesRead();
    }

    long plainWritten() {
      return inf.getBytesWritten();
    }
  }

  private static final class CountingStream extends FilterInputStream {
    private final Counter counter;

    CountingStream(InputStream in, Counter counter) {
      super(in);
      this.counter = counter;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counter.bytes++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counter.bytes += n;
      }
      return n;
    }
  }
}
