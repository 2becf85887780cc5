package dev.steward.policy.documents;

import dev.steward.error.InvalidInputException;
import dev.steward.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Generates the documents of a policy: the privacy notice, the record of processing activities, the
 * sub-processor list and the transfers register, in English or Simplified Chinese. Everything is
 * derived from the {@link Policy}, so what the documents say cannot drift from what Steward
 * enforces. Stateless and thread-safe.
 *
 * <p>The PDF font is looked up only when a PDF is asked for, so a misconfigured font file does not
 * stop any other format.
 */
public final class PolicyDocuments {
  private final Supplier<PdfFont> font;

  /**
   * @param font where to find the font embedded in PDFs; may throw {@link PdfFontMissingException}
   */
  public PolicyDocuments(Supplier<PdfFont> font) {
    this.font = Objects.requireNonNull(font, "font");
  }

  /** Documents with the PDF font from {@value PdfFont#ENV}, else the font bundled in the jar. */
  public static PolicyDocuments withSystemFont() {
    return new PolicyDocuments(() -> PdfFont.fromEnvironment(System.getenv()));
  }

  /**
   * Writes one document.
   *
   * @throws InvalidInputException when the kind does not offer the format
   * @throws PdfFontMissingException when a PDF is asked for and no font is found
   */
  public RenderedDocument render(
      DocumentKind kind, Policy policy, DocumentLanguage language, DocumentFormat format) {
    return render(kind, policy, language, format, Optional.empty());
  }

  /**
   * Writes one document; the notice also announces {@code coming}, a version published to take
   * force later.
   *
   * @throws InvalidInputException when the kind does not offer the format
   * @throws PdfFontMissingException when a PDF is asked for and no font is found
   */
  public RenderedDocument render(
      DocumentKind kind,
      Policy policy,
      DocumentLanguage language,
      DocumentFormat format,
      Optional<Policy> coming) {
    if (!kind.formats().contains(format)) {
      throw new InvalidInputException(
          kind.slug()
              + " is not available as "
              + format.formatName()
              + "; use one of "
              + String.join(
                  ", ", kind.formats().stream().map(DocumentFormat::formatName).toList()));
    }
    Wording wording = new Wording(language);
    // The file's own texts (names, conditions, fees) in the document's language where it says.
    policy = policy.localized(language.tag());
    coming = coming.map(next -> next.localized(language.tag()));
    byte[] content =
        switch (kind) {
          case NOTICE -> write(NoticeBuilder.build(policy, language, coming), format);
          case PROCESSING_RECORD -> {
            ProcessingRecord record = new ProcessingRecord(policy, wording);
            yield switch (format) {
              case CSV -> record.register().csv();
              case JSON -> record.register().json("activities");
              default -> write(record.document(), format);
            };
          }
          case SUB_PROCESSORS ->
              register(
                  SubProcessorList.register(policy, wording),
                  "processors",
                  "subprocessors",
                  wording,
                  format);
          case TRANSFERS ->
              register(
                  TransfersRegister.register(policy, wording),
                  "transfers",
                  "transfers",
                  wording,
                  format);
        };
    // The version label is free text: keep the file name to characters safe in a header.
    String version = policy.version().replaceAll("[^A-Za-z0-9._-]", "_");
    String fileName = kind.slug() + "-" + version + "." + language.tag() + "." + format.extension();
    return new RenderedDocument(content, format, language, fileName);
  }

  private byte[] register(
      Register register, String rowsKey, String section, Wording wording, DocumentFormat format) {
    return switch (format) {
      case CSV -> register.csv();
      case JSON -> register.json(rowsKey);
      default ->
          write(
              register.document(
                  wording,
                  section,
                  register.title(),
                  wording.text("document.generated", register.header().get("version"))),
              format);
    };
  }

  private byte[] write(Document document, DocumentFormat format) {
    return switch (format) {
      case HTML -> utf8(HtmlPages.forBrowser(document));
      case MARKDOWN -> utf8(MarkdownWriter.write(document));
      case PDF -> PdfWriter.write(document, font.get());
      case CSV, JSON -> throw new IllegalStateException(format + " is not a page format");
    };
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The stylesheet that browser pages link to at {@code /assets/documents.css}. */
  public static String stylesheet() {
    return HtmlPages.resource("documents.css");
  }
}
