package dev.steward.policy.documents;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a {@link Document} as a complete HTML page with the precompiled jte templates of {@code
 * src/main/jte}. A page for the browser links the stylesheet served at {@link #STYLESHEET} (the
 * Content-Security-Policy forbids inline styles); a page for print carries its own styles, since
 * the PDF writer fetches nothing. Thread-safe.
 */
final class HtmlPages {
  /** Where the HTTP edge serves {@code documents.css}. */
  static final String STYLESHEET = "/assets/documents.css";

  private static final String TEMPLATES = "dev.steward.templates";
  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, HtmlPages.class.getClassLoader(), TEMPLATES);

  private HtmlPages() {}

  static String forBrowser(Document document) {
    return render(document, null);
  }

  static String forPrint(Document document) {
    return render(document, resource("documents-print.css"));
  }

  private static String render(Document document, String inlineCss) {
    Map<String, Object> params = new HashMap<>();
    params.put("document", document);
    params.put("stylesheetHref", STYLESHEET);
    params.put("inlineCss", inlineCss);
    params.put("contentsLabel", contentsLabel(document));
    params.put("footer", document.footer());
    StringOutput output = new StringOutput();
    ENGINE.render("documents/document.jte", params, output);
    return output.toString();
  }

  private static String contentsLabel(Document document) {
    return new Wording(DocumentLanguage.fromTag(document.lang())).text("document.contents");
  }

  /** A text file next to this class, e.g. the stylesheet. */
  static String resource(String name) {
    try (InputStream in = HtmlPages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
