package dev.steward.breach;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.steward.error.StewardException;
import dev.steward.policy.documents.PdfFont;
import dev.steward.web.Json;
import dev.steward.web.Text;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * An incident's whole record for a regulator: JSON (the same shape as the API's detail) or a PDF
 * laid out from {@code breach/export.jte} by openhtmltopdf with the Chinese-capable font embedded.
 */
public final class BreachExport {
  private static final String FAMILY = "steward-cjk";
  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, BreachExport.class.getClassLoader(), "dev.steward.templates");

  private BreachExport() {}

  public static byte[] json(BreachDetail detail) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(detail);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String html(BreachDetail detail, Text text) {
    StringOutput out = new StringOutput();
    ENGINE.render("breach/export.jte", Map.of("detail", detail, "text", text), out);
    return out.toString();
  }

  public static byte[] pdf(BreachDetail detail, Text text, PdfFont font) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      font.registerWith(builder, FAMILY);
      builder.withHtmlContent(html(detail, text), null);
      builder.withProducer("Steward");
      builder.toStream(out);
      builder.run();
    } catch (IOException | UncheckedIOException e) {
      throw new StewardException("pdf-failed", 500, "could not write the incident's PDF", e);
    }
    return out.toByteArray();
  }
}
