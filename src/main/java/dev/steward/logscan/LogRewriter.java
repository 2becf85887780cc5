package dev.steward.logscan;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Rewrites one log file through an {@link Editor}: the new content goes to a temporary file beside
 * it (gzip again if it was), is fsynced, takes the old file's last-modified time (retention counts
 * from it) and replaces it by an atomic rename; then the manifest records both checksums. A file
 * the editor leaves unchanged is not touched. A crash leaves either the old file or the new one,
 * and at worst a temporary file the next run removes. Stateless; thread-safe.
 */
final class LogRewriter {
  static final byte[] REDACTED = "[redacted]".getBytes(StandardCharsets.US_ASCII);

  /** Edits whole lines of one file, block by block, on one thread. */
  interface Editor {
    /** Writes the edited form of {@code block[from, to)} (whole lines) to {@code out}. */
    void block(byte[] block, int from, int to, OutputStream out) throws IOException;

    /** Lines changed or dropped so far. */
    long changed();
  }

  /** What one rewrite did; hashes are of the file's bytes as stored (compressed for gzip). */
  record Rewrite(String file, String sha256Before, String sha256After, long lines) {}

  private LogRewriter() {}

  /** Rewrites {@code file} through {@code editor}; null when nothing changed. */
  static Rewrite rewrite(Path file, String name, Editor editor, String reason, Instant now)
      throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + LogScanner.TEMPORARY_SUFFIX);
    Files.deleteIfExists(temporary);
    FileTime modified = Files.getLastModifiedTime(file);
    MessageDigest before = sha256();
    MessageDigest after = sha256();
    boolean gzip = LogScanner.gzip(file);
    try {
      try (InputStream raw = new DigestInputStream(Files.newInputStream(file), before);
          InputStream in = gzip ? new java.util.zip.GZIPInputStream(raw, 1 << 16) : raw;
          FileChannel channel =
              FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream digesting =
              new DigestOutputStream(java.nio.channels.Channels.newOutputStream(channel), after)) {
        OutputStream sink = new BufferedOutputStream(digesting, 1 << 16);
        GZIPOutputStream zip = gzip ? new GZIPOutputStream(sink, 1 << 16) : null;
        OutputStream out = zip != null ? zip : sink;
        new Blocks(1 << 20)
            .readAll(Blocks.of(in), (block, from, to, base) -> editor.block(block, from, to, out));
        // Reads the rest of the raw file (a gzip trailer) so the digest covers every byte.
        raw.transferTo(OutputStream.nullOutputStream());
        if (zip != null) {
          zip.finish();
        }
        sink.flush();
        channel.force(true);
      }
      if (editor.changed() == 0) {
        Files.delete(temporary);
        return null;
      }
      Files.setLastModifiedTime(temporary, modified);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(file.toAbsolutePath().getParent());
    } finally {
      Files.deleteIfExists(temporary);
    }
    String beforeHex = HexFormat.of().formatHex(before.digest());
    String afterHex = HexFormat.of().formatHex(after.digest());
    Manifest.record(file, beforeHex, afterHex, reason, editor.changed(), now);
    return new Rewrite(name, beforeHex, afterHex, editor.changed());
  }

  /** Makes a rename durable: fsync of the directory (not possible on every platform). */
  static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems refuse to open a directory; the rename is still atomic there.
    }
  }

  static String sha256Of(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Removes the wanted identities from the lines that hold them, or drops those lines. */
  static final class Erasure implements Editor {
    private final FastPass pass;
    private final LineMatcher matcher;
    private final boolean dropLines;
    private long changed;

    Erasure(LogSettings settings, Wanted wanted) {
      this.pass = new FastPass(wanted);
      this.matcher = new LineMatcher(settings, wanted);
      this.dropLines = settings.dropLines();
    }

    @Override
    public void block(byte[] block, int from, int to, OutputStream out) throws IOException {
      int[] written = {from};
      IOException[] failure = {null};
      pass.scan(
          block,
          from,
          to,
          0,
          (line, start, end, offset) -> {
            if (failure[0] != null || matcher.match(line, start, end) == 0) {
              return;
            }
            try {
              out.write(line, written[0], start - written[0]);
              changed++;
              if (dropLines) {
                // Skips the newline too, so no empty line marks the place.
                written[0] = Math.min(to, end + 1);
                return;
              }
              int at = start;
              for (int[] span : sortedSpans(matcher)) {
                if (span[0] < at) {
                  continue;
                }
                out.write(line, at, span[0] - at);
                out.write(REDACTED);
                at = span[1];
              }
              out.write(line, at, end - at);
              written[0] = end;
            } catch (IOException e) {
              failure[0] = e;
            }
          });
      if (failure[0] != null) {
        throw failure[0];
      }
      out.write(block, written[0], to - written[0]);
    }

    @Override
    public long changed() {
      return changed;
    }
  }

  static int[][] sortedSpans(LineMatcher matcher) {
    int[][] spans = new int[matcher.hitCount][];
    for (int h = 0; h < matcher.hitCount; h++) {
      spans[h] = new int[] {matcher.hitStart[h], matcher.hitEnd[h]};
    }
    java.util.Arrays.sort(spans, (a, b) -> Integer.compare(a[0], b[0]));
    return spans;
  }

  /** Replaces every IP address in the fields that hold IPs by its pseudonym. */
  static final class Pseudonymisation implements Editor {
    private final LineMatcher fields;
    private final IpAddresses addresses;
    private long changed;

    Pseudonymisation(LogSettings settings, IpAddresses addresses) {
      this.fields = new LineMatcher(settings, Wanted.builder().build());
      this.addresses = addresses;
    }

    @Override
    public void block(byte[] block, int from, int to, OutputStream out) throws IOException {
      int written = from;
      int lineStart = from;
      int ipBit = 1 << IdentityType.IP.ordinal();
      while (lineStart < to) {
        int lineEnd = lineStart;
        while (lineEnd < to && block[lineEnd] != '\n') {
          lineEnd++;
        }
        LineFields parsed = fields.fields();
        boolean lineChanged = false;
        if (parsed.parse(block, lineStart, lineEnd)) {
          for (int f = 0; f < parsed.count; f++) {
            if ((fields.typesOf(parsed.names[f]) & ipBit) == 0) {
              continue;
            }
            int start = parsed.starts[f];
            int end = parsed.ends[f];
            String value = new String(block, start, end - start, StandardCharsets.US_ASCII);
            String pseudonym = addresses.pseudonym(value);
            if (pseudonym != null) {
              out.write(block, written, start - written);
              out.write(pseudonym.getBytes(StandardCharsets.US_ASCII));
              written = end;
              lineChanged = true;
            }
          }
        }
        if (lineChanged) {
          changed++;
        }
        lineStart = lineEnd + 1;
      }
      out.write(block, written, to - written);
    }

    @Override
    public long changed() {
      return changed;
    }
  }
}
