package dev.steward.policy.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.steward.error.StewardException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link Document} as PDF: its print HTML page laid out by openhtmltopdf, with the {@link
 * PdfFont} embedded (subset to the glyphs used) under the family name the print stylesheet asks
 * for. Thread-safe; each call builds its own renderer.
 */
final class PdfWriter {
  /** The font family {@code documents-print.css} uses. */
  static final String FAMILY = "steward-cjk";

  private PdfWriter() {}

  static byte[] write(Document document, PdfFont font) {
    LayoutLog.install();
    String html = HtmlPages.forPrint(document);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      font.registerWith(builder, FAMILY);
      builder.withHtmlContent(html, null);
      builder.withProducer("Steward");
      builder.toStream(out);
      builder.run();
    } catch (IOException | UncheckedIOException e) {
      throw new StewardException(
          "pdf-failed", 500, "could not write the PDF with the font " + font.name(), e);
    }
    return out.toByteArray();
  }
}
