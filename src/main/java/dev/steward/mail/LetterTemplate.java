package dev.steward.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text letter from the classpath: the first line is the subject, {@code {{name}}}
 * placeholders are filled from the values given. A template is read when it is loaded, so a missing
 * one fails at start-up, not at the first letter. Thread-safe.
 */
public final class LetterTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

  private final String path;
  private final String text;

  private LetterTemplate(String path, String text) {
    this.path = path;
    this.text = text;
  }

  /** A letter filled in: its subject line and its body. */
  public record Filled(String subject, String body) {}

  /** Reads {@code path}, e.g. {@code letters/en/policy-change.txt}. */
  public static LetterTemplate load(String path) {
    try (InputStream in = LetterTemplate.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the letter template " + path + " is missing");
      }
      return new LetterTemplate(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fills every placeholder; a placeholder without a value is a programming error.
   *
   * @throws IllegalStateException when {@code values} lacks a placeholder's value
   */
  public Filled fill(Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException(
            "letter " + path + " needs a value for " + matcher.group(1));
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    int firstBreak = filled.indexOf("\n");
    String subject = filled.substring(0, firstBreak).strip();
    String body = filled.substring(firstBreak + 1).replaceAll("\n{3,}", "\n\n");
    return new Filled(subject, body);
  }
}
