package dev.steward.logscan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The checksums of rewritten files, kept beside them as {@code .steward-manifest.json}: per file,
 * the SHA-256 before and after the last rewrite, when, why (a request id or a retention action) and
 * how many lines changed. Written like the logs themselves: new file, fsync, atomic rename. Callers
 * serialise writes to one directory.
 */
final class Manifest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Manifest() {}

  static synchronized void record(
      Path file, String before, String after, String reason, long lines, Instant at)
      throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Path manifest = directory.resolve(LogScanner.MANIFEST);
    ObjectNode root =
        Files.exists(manifest)
            ? (ObjectNode) JSON.readTree(manifest.toFile())
            : JSON.createObjectNode();
    ObjectNode entry = root.putObject(file.getFileName().toString());
    entry.put("sha256_before", before);
    entry.put("sha256", after);
    entry.put("rewritten_at", at.toString());
    entry.put("reason", reason);
    entry.put("lines_changed", lines);
    Path temporary = directory.resolve(LogScanner.MANIFEST + LogScanner.TEMPORARY_SUFFIX);
    Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(
        temporary, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    LogRewriter.syncDirectory(directory);
  }

  /** The recorded SHA-256 of {@code file} after its last rewrite, or null. */
  static String recorded(Path file) throws IOException {
    Path manifest = file.toAbsolutePath().getParent().resolve(LogScanner.MANIFEST);
    if (!Files.exists(manifest)) {
      return null;
    }
    var entry = JSON.readTree(manifest.toFile()).get(file.getFileName().toString());
    return entry == null ? null : entry.path("sha256").asText(null);
  }

  /** Forgets a deleted file. */
  static synchronized void forget(Path file) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Path manifest = directory.resolve(LogScanner.MANIFEST);
    if (!Files.exists(manifest)) {
      return;
    }
    ObjectNode root = (ObjectNode) JSON.readTree(manifest.toFile());
    if (root.remove(file.getFileName().toString()) == null) {
      return;
    }
    Path temporary = directory.resolve(LogScanner.MANIFEST + LogScanner.TEMPORARY_SUFFIX);
    Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    Files.move(
        temporary, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
