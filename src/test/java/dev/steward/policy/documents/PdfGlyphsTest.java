package dev.steward.policy.documents;

import static dev.steward.policy.documents.DocumentFixtures.BUNDLED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PDFs render with nothing installed and no character falls back to a blank box: every character of
 * each document has a glyph in the bundled font, only that font is embedded, and the text reads
 * back from the PDF.
 */
class PdfGlyphsTest {
  /** The documents' default: no {@code STEWARD_PDF_FONT}, so the font in the jar. */
  private static final PolicyDocuments OUT_OF_THE_BOX =
      new PolicyDocuments(() -> PdfFont.fromEnvironment(Map.of()));

  private static final Pattern TAGS = Pattern.compile("<[^>]*>");
  private static final Pattern HEAD = Pattern.compile("(?s)<head>.*?</head>");

  @ParameterizedTest
  @EnumSource(DocumentLanguage.class)
  void ropaPdf_outOfTheBox_hasAGlyphForEveryCharacterOfTheDocument(DocumentLanguage language)
      throws IOException {
    String text = visibleText(language);
    TrueTypeFont font = bundledRegular();

    List<String> missing = new ArrayList<>();
    text.codePoints()
        .filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp))
        .distinct()
        .forEach(
            cp -> {
              if (glyph(font, cp) == 0) {
                missing.add(Character.toString(cp) + " U+" + Integer.toHexString(cp));
              }
            });
    assertThat(missing).as("characters without a glyph in the bundled font").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(DocumentLanguage.class)
  void ropaPdf_outOfTheBox_embedsOnlyTheBundledFontAndReadsBackEveryCharacter(
      DocumentLanguage language) throws IOException {
    byte[] pdf =
        OUT_OF_THE_BOX
            .render(DocumentKind.PROCESSING_RECORD, BUNDLED, language, DocumentFormat.PDF)
            .content();

    try (PDDocument document = Loader.loadPDF(pdf)) {
      TreeSet<String> fonts = new TreeSet<>();
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName() + " is embedded").isTrue();
          fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
        }
      }
      assertThat(fonts).allMatch(name -> name.startsWith("NotoSansSC"), "only Noto Sans SC");

      // Compared by glyph: the font draws 见 and the radical ⻅ with one glyph, and PDFBox's text
      // layer names such a glyph by its lowest code point.
      TrueTypeFont font = bundledRegular();
      TreeSet<String> lost = characters(visibleText(language));
      TreeSet<Integer> extracted = glyphs(font, new PDFTextStripper().getText(document));
      lost.removeIf(c -> extracted.contains(glyph(font, c.codePointAt(0))));
      assertThat(lost).as("characters of the document missing from the PDF's text").isEmpty();
    }
  }

  private static String visibleText(DocumentLanguage language) {
    String html =
        new String(
            OUT_OF_THE_BOX
                .render(DocumentKind.PROCESSING_RECORD, BUNDLED, language, DocumentFormat.HTML)
                .content(),
            StandardCharsets.UTF_8);
    String text = TAGS.matcher(HEAD.matcher(html).replaceAll("")).replaceAll(" ");
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static TreeSet<String> characters(String text) {
    TreeSet<String> set = new TreeSet<>();
    text.codePoints()
        .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
        .forEach(cp -> set.add(Character.toString(cp)));
    return set;
  }

  private static TreeSet<Integer> glyphs(TrueTypeFont font, String text) {
    TreeSet<Integer> set = new TreeSet<>();
    text.codePoints().forEach(cp -> set.add(glyph(font, cp)));
    return set;
  }

  private static int glyph(TrueTypeFont font, int codePoint) {
    try {
      return font.getUnicodeCmapLookup().getGlyphId(codePoint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TrueTypeFont bundledRegular() throws IOException {
    try (InputStream in =
        PdfGlyphsTest.class.getClassLoader().getResourceAsStream(PdfFont.BUNDLED_REGULAR)) {
      assertThat(in).as("the bundled font is on the class path").isNotNull();
      return new TTFParser().parse(new RandomAccessReadBuffer(in));
    }
  }
}
