package dev.steward.policy.documents;

import dev.steward.error.ConfigurationException;
import java.util.List;

/**
 * The font for PDF output could not be read: a configured file is missing, or the jar was built
 * without its bundled font. The message names every place looked at and how to fix it.
 */
public class PdfFontMissingException extends ConfigurationException {
  private final List<String> searched;

  public PdfFontMissingException(List<String> searched) {
    super(
        "no font for PDF output: could not read "
            + String.join(", ", searched)
            + "; unset "
            + PdfFont.ENV
            + " (or drop --font) to use the bundled "
            + PdfFont.BUNDLED_NAME
            + ", or name a readable TrueType font with Chinese glyphs");
    this.searched = List.copyOf(searched);
  }

  /** Every place that was tried, in order. */
  public List<String> searched() {
    return searched;
  }
}
