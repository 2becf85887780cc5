package dev.steward.importer;

import dev.steward.error.InvalidInputException;

/**
 * Size caps for one row: a longer field or line is rejected and reading goes on at the next line,
 * so one huge or broken row neither exhausts memory nor stops the import.
 */
record Limits(int maxFieldBytes, int maxLineBytes) {
  static final Limits DEFAULT = new Limits(256 * 1024, 1024 * 1024);

  Limits {
    if (maxFieldBytes < 16) {
      throw new InvalidInputException("max field size cannot be less than 16 bytes");
    }
    if (maxLineBytes < maxFieldBytes) {
      throw new InvalidInputException("max line size cannot be less than the max field size");
    }
  }
}
