package dev.steward.importer;

import java.io.IOException;

/**
 * Rows of an import file, one at a time: the values of the mapping's columns, or why the row cannot
 * be read. Never holds more than one row. Not thread-safe.
 */
interface RowSource {

  /** The next row, or null at the end of the file. */
  Row next() throws IOException;

  /**
   * Moves past rows a previous run committed: to byte {@code offset}, which starts line {@code
   * line}.
   */
  void resumeAt(long offset, long line) throws IOException;

  /**
   * One row of the file.
   *
   * @param line the physical line the row starts on, counting from 1
   * @param endOffset the byte offset just after the row, where the next one starts
   * @param lastLine the physical line the row ends on
   * @param values the values of the mapping's columns in {@link ImportMapping#columns()} order,
   *     null where empty or absent; null when the row is rejected
   * @param reject why the row cannot be read, or null
   * @param column the column at fault, or null
   */
  record Row(
      long line, long endOffset, long lastLine, String[] values, String reject, String column) {
    static Row rejected(long line, long endOffset, long lastLine, String reject, String column) {
      return new Row(line, endOffset, lastLine, null, reject, column);
    }
  }
}
