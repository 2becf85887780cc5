package dev.steward.policy.documents;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TrueType font embedded in PDF output; it must have Chinese glyphs, since documents are
 * written in Simplified Chinese too and name places and people in other scripts. By default the
 * jar's own Noto Sans SC (SIL Open Font License 1.1, Regular and Bold), so PDFs render with nothing
 * installed; an operator may name another file, for example for scripts Noto Sans SC lacks.
 * Immutable and thread-safe: every PDF opens the font afresh.
 */
public final class PdfFont {
  /** Environment variable naming a font file that replaces the bundled font. */
  public static final String ENV = "STEWARD_PDF_FONT";

  /** Where the bundled faces are on the class path (from com.helger.font:ph-fonts-noto-sans-sc). */
  static final String BUNDLED_REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

  static final String BUNDLED_BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

  /** How the bundled font is named in messages and documentation. */
  public static final String BUNDLED_NAME = "Noto Sans SC (SIL Open Font License 1.1)";

  private final String name;
  private final Face regular;
  private final Optional<Face> bold;

  private PdfFont(String name, Face regular, Optional<Face> bold) {
    this.name = name;
    this.regular = regular;
    this.bold = bold;
  }

  /** One face of the font, opened on demand. */
  private interface Face {
    InputStream open() throws java.io.IOException;
  }

  /**
   * The font shipped in the jar.
   *
   * @throws PdfFontMissingException when the jar was built without it
   */
  public static PdfFont bundled() {
    URL regular = PdfFont.class.getClassLoader().getResource(BUNDLED_REGULAR);
    URL bold = PdfFont.class.getClassLoader().getResource(BUNDLED_BOLD);
    if (regular == null) {
      throw new PdfFontMissingException(List.of("class path resource " + BUNDLED_REGULAR));
    }
    return new PdfFont(
        BUNDLED_NAME,
        regular::openStream,
        Optional.ofNullable(bold).map(url -> (Face) url::openStream));
  }

  /**
   * The configured font if given, else the bundled one.
   *
   * @param configured a font path from configuration; when present it must be a readable file
   * @throws PdfFontMissingException when the configured file cannot be read
   */
  public static PdfFont locate(Optional<Path> configured) {
    if (configured.isEmpty()) {
      return bundled();
    }
    Path file = configured.get();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new PdfFontMissingException(List.of(file.toString()));
    }
    return new PdfFont(file.toString(), () -> Files.newInputStream(file), Optional.empty());
  }

  /** The font named by {@value #ENV} in {@code env}, else the bundled one. */
  public static PdfFont fromEnvironment(Map<String, String> env) {
    return locate(Optional.ofNullable(env.get(ENV)).filter(s -> !s.isBlank()).map(Path::of));
  }

  /** The font's file name, or {@link #BUNDLED_NAME}. */
  public String name() {
    return name;
  }

  /** Registers every face under {@code family}; a font without bold is used for bold text too. */
  public void registerWith(PdfRendererBuilder builder, String family) {
    builder.useFont(
        (FSSupplier<InputStream>) () -> open(regular), family, 400, FontStyle.NORMAL, true);
    builder.useFont(
        (FSSupplier<InputStream>) () -> open(bold.orElse(regular)),
        family,
        700,
        FontStyle.NORMAL,
        true);
  }

  private InputStream open(Face face) {
    try {
      return face.open();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("could not read the PDF font " + name, e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
