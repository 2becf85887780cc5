package dev.steward.web;

import java.text.MessageFormat;
import java.util.Map;

/**
 * The words of one language. A missing key is a programming error, so it fails loudly rather than
 * showing a key or English to a person reading Chinese; {@code MessagesTest} keeps the languages in
 * step. Immutable.
 */
public final class Text {
  private final PageLanguage language;
  private final Map<String, String> words;

  Text(PageLanguage language, Map<String, String> words) {
    this.language = language;
    this.words = words;
  }

  public PageLanguage language() {
    return language;
  }

  /** The text of {@code key}; with arguments, a {@link MessageFormat} pattern filled in. */
  public String get(String key, Object... args) {
    String pattern = words.get(key);
    if (pattern == null) {
      throw new IllegalStateException("no " + language.tag() + " text for '" + key + "'");
    }
    if (args.length == 0) {
      return pattern;
    }
    return new MessageFormat(pattern, language.locale()).format(args);
  }

  /** Whether {@code key} has words, for optional texts such as per-field messages. */
  public boolean has(String key) {
    return words.containsKey(key);
  }
}
