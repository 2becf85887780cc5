package dev.steward.policy.documents;

import dev.steward.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The languages Steward writes its documents in; each has its own text, written by us. */
public enum DocumentLanguage {
  EN("en", Locale.ENGLISH),
  ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE);

  private final String tag;
  private final Locale locale;

  DocumentLanguage(String tag, Locale locale) {
    this.tag = tag;
    this.locale = locale;
  }

  /** The BCP 47 tag, as used in {@code lang} attributes and {@code Content-Language}. */
  public String tag() {
    return tag;
  }

  public Locale locale() {
    return locale;
  }

  /**
   * The language with this tag, compared without case.
   *
   * @throws InvalidInputException naming the tags Steward knows
   */
  public static DocumentLanguage fromTag(String tag) {
    return Arrays.stream(values())
        .filter(language -> language.tag.equalsIgnoreCase(tag))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "unknown language '" + tag + "'; use one of " + String.join(", ", tags())));
  }

  public static List<String> tags() {
    return Arrays.stream(values()).map(DocumentLanguage::tag).toList();
  }
}
