package dev.steward.policy.documents;

import dev.steward.error.ConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * No font with Chinese glyphs was found for PDF output. PDFs embed their font, and Steward ships
 * none; the message names every place looked at and how to fix it.
 */
public class PdfFontMissingException extends ConfigurationException {
  private final List<Path> searched;

  public PdfFontMissingException(List<Path> searched) {
    super(
        "no font for PDF output: looked for "
            + searched.stream().map(Path::toString).collect(Collectors.joining(", "))
            + "; install the Debian package "
            + PdfFont.DEBIAN_PACKAGE
            + " or set "
            + PdfFont.ENV
            + " to a TrueType font with Chinese glyphs");
    this.searched = List.copyOf(searched);
  }

  /** Every path that was tried, in order. */
  public List<Path> searched() {
    return searched;
  }
}
