package dev.steward.importer;

import dev.steward.error.StewardException;

/** An import stopped on a failure that is not the input's fault: the file or rejects file I/O. */
public class ImportFailedException extends StewardException {
  private static final long serialVersionUID = 1L;

  public ImportFailedException(String message, Throwable cause) {
    super("import-failed", 500, message, cause);
  }
}
