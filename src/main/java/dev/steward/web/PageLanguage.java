package dev.steward.web;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages pages are written in. The tag is what the language switch, the cookie and the
 * {@code lang} attribute carry; the suffix names the bundle files ({@code
 * center_zh_CN.properties}).
 */
public enum PageLanguage {
  EN("en", "en", Locale.ENGLISH),
  ZH_CN("zh-CN", "zh_CN", Locale.SIMPLIFIED_CHINESE);

  private final String tag;
  private final String suffix;
  private final Locale locale;

  PageLanguage(String tag, String suffix, Locale locale) {
    this.tag = tag;
    this.suffix = suffix;
    this.locale = locale;
  }

  public String tag() {
    return tag;
  }

  public Locale locale() {
    return locale;
  }

  /** {@code en}, {@code zh-CN}, {@code zh_cn} ...; anything else is no page language. */
  public static Optional<PageLanguage> ofTag(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    String normal = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    for (PageLanguage language : values()) {
      if (language.tag.toLowerCase(Locale.ROOT).equals(normal)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  /**
   * The best match for an {@code Accept-Language} header: any Chinese in Simplified script or
   * without a script or region that implies Traditional picks Simplified Chinese, English picks
   * English; first acceptable range by quality wins.
   */
  public static Optional<PageLanguage> ofAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        if (range.getWeight() <= 0) {
          continue;
        }
        String r = range.getRange().toLowerCase(Locale.ROOT);
        if (r.equals("en") || r.startsWith("en-")) {
          return Optional.of(EN);
        }
        if (r.equals("zh") || r.equals("zh-cn") || r.equals("zh-sg") || r.startsWith("zh-hans")) {
          return Optional.of(ZH_CN);
        }
      }
    } catch (IllegalArgumentException e) {
      // A malformed header is ignored, as if absent.
    }
    return Optional.empty();
  }

  static Optional<PageLanguage> ofBundleFile(String fileName) {
    for (PageLanguage language : values()) {
      if (fileName.endsWith("_" + language.suffix + ".properties")) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  /** The other language, for the switch. */
  public PageLanguage other() {
    return this == EN ? ZH_CN : EN;
  }
}
