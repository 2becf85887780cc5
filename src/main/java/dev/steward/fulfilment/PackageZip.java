package dev.steward.fulfilment;

import dev.steward.policy.RequestType;
import dev.steward.policy.documents.PolicyWords;
import dev.steward.web.Json;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an access package as a ZIP: {@code data.json}, one CSV per category and {@code
 * report.html} in the requester's language (en or zh-CN), rendered by precompiled jte templates.
 */
final class PackageZip {
  // Read once: every package and every completion letter uses them.
  private static final Map<String, Map<String, String>> WORDS =
      Map.of("en", load("en"), "zh-CN", load("zh-CN"));

  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, PackageZip.class.getClassLoader(), "dev.steward.templates");

  private PackageZip() {}

  static byte[] write(PackageView view) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      put(zip, "data.json", Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(view));
      for (PackageView.CategoryView category : view.categories()) {
        put(zip, category.id() + ".csv", csv(category).getBytes(StandardCharsets.UTF_8));
      }
      put(zip, "report.html", report(view).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static String report(PackageView view) {
    Map<String, Object> params = new HashMap<>();
    params.put("view", view);
    params.put("words", words(view.language()));
    StringOutput out = new StringOutput();
    ENGINE.render("fulfilment/report.jte", params, out);
    return out.toString();
  }

  static String csv(PackageView.CategoryView category) {
    StringBuilder csv =
        new StringBuilder("id,system,source,collected_at,provided_by_subject,purposes,value\r\n");
    for (PackageView.ItemView item : category.items()) {
      csv.append(cell(item.id()))
          .append(',')
          .append(cell(item.system()))
          .append(',')
          .append(cell(item.source()))
          .append(',')
          .append(item.collectedAt())
          .append(',')
          .append(item.providedBySubject())
          .append(',')
          .append(cell(String.join("; ", item.purposes())))
          .append(',')
          .append(cell(item.value()))
          .append("\r\n");
    }
    return csv.toString();
  }

  /** RFC 4180 quoting; a leading formula character is neutralised for spreadsheets. */
  private static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  /** The words of the report and of the completion letter's additions, in en or zh-CN. */
  static Map<String, String> words(String language) {
    return WORDS.get(language.equals("zh-CN") ? "zh-CN" : "en");
  }

  private static Map<String, String> load(String tag) {
    Properties properties = new Properties();
    try (InputStreamReader reader =
        new InputStreamReader(
            PackageZip.class.getResourceAsStream("/fulfilment/report_" + tag + ".properties"),
            StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> words = new HashMap<>();
    properties.forEach((key, value) -> words.put(key.toString(), value.toString()));
    // data.json keeps codes; the report words them as the privacy notice does.
    PolicyWords policyWords = new PolicyWords(tag);
    for (RequestType type : RequestType.values()) {
      words.put("right." + type.name().toLowerCase(Locale.ROOT), policyWords.right(type));
    }
    policyWords.legalBases().forEach((dpv, text) -> words.put("basis." + dpv, text));
    return Map.copyOf(words);
  }
}
