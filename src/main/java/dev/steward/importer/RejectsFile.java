package dev.steward.importer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The rejects file: a CSV of {@code line,reason,column}, one row per rejected input row. It holds
 * positions and reasons, never the rejected values, so it can be shared to fix the source without
 * spreading personal data; the line number finds the row in the original file. Written before the
 * batch commits and cut back to the checkpoint's length on resume, so it matches what was imported.
 */
final class RejectsFile implements AutoCloseable {
  static final String HEADER = "line,reason,column\n";

  private final FileChannel channel;
  private final StringBuilder pending = new StringBuilder();

  private RejectsFile(FileChannel channel) {
    this.channel = channel;
  }

  /** Opens the file, cut back to {@code length} bytes (a checkpoint's), or new with its header. */
  static RejectsFile open(Path path, long length) throws IOException {
    FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    if (length <= 0 || channel.size() < length) {
      channel.truncate(0);
      channel.position(0);
      channel.write(StandardCharsets.UTF_8.encode(HEADER));
    } else {
      channel.truncate(length);
      channel.position(length);
    }
    return new RejectsFile(channel);
  }

  void add(long line, String reason, String column) {
    pending.append(line).append(',').append(reason).append(',');
    if (column != null) {
      pending.append('"').append(column.replace("\"", "\"\"")).append('"');
    }
    pending.append('\n');
  }

  /** Writes what was added and forces it to disk; returns the file's length. */
  long flush() throws IOException {
    if (pending.length() > 0) {
      channel.write(StandardCharsets.UTF_8.encode(pending.toString()));
      pending.setLength(0);
      channel.force(false);
    }
    return channel.position();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
