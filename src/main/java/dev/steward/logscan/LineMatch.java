package dev.steward.logscan;

import java.util.List;
import java.util.Set;

/**
 * One line that holds a wanted identity. Holds personal data when {@code line} is kept; {@link
 * #toString()} shows none.
 *
 * @param file the file, relative to the system's root
 * @param offset the line's first byte in the (uncompressed) file
 * @param subjects the numbers of the subjects found on the line, as added to {@link Wanted}
 * @param fields the fields they were found in
 * @param line the line's text, or null when the scan kept no lines
 */
public record LineMatch(
    String file,
    long offset,
    int[] subjects,
    Set<String> fields,
    List<IdentityType> types,
    String line) {

  /** {@code file@offset}: where the line is, without what it says. */
  public String location() {
    return file + "@" + offset;
  }

  @Override
  public String toString() {
    return "LineMatch[" + location() + ", " + fields + "]";
  }
}
