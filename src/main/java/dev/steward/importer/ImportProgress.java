package dev.steward.importer;

/**
 * Told about progress after every committed batch, on the importing thread. Implementations decide
 * how often to show it.
 */
@FunctionalInterface
public interface ImportProgress {
  ImportProgress NONE = (rows, bytesRead, totalBytes) -> {};

  /**
   * @param rows rows read by this call so far
   * @param bytesRead bytes of the file behind the rows imported so far (for gzip, compressed bytes
   *     estimated from the compression ratio so far)
   * @param totalBytes the file's size
   */
  void update(long rows, long bytesRead, long totalBytes);
}
