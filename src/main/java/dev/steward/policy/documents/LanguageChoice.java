package dev.steward.policy.documents;

import java.util.List;
import java.util.Locale;

/**
 * Picks the language of a page: an explicit {@code ?lang=} wins; else the first range of the {@code
 * Accept-Language} header (RFC 9110 §12.5.4, by weight) that Steward has a text for; else English.
 * Any Chinese range gets Simplified Chinese, the only Chinese text Steward has.
 */
final class LanguageChoice {
  private LanguageChoice() {}

  /**
   * @throws dev.steward.error.InvalidInputException when {@code lang} names no known language
   */
  static DocumentLanguage choose(String lang, String acceptLanguage) {
    if (lang != null && !lang.isBlank()) {
      return DocumentLanguage.fromTag(lang.trim());
    }
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return DocumentLanguage.EN;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(acceptLanguage);
    } catch (IllegalArgumentException e) {
      // A malformed header is the browser's problem, not a reason to refuse the notice.
      return DocumentLanguage.EN;
    }
    for (Locale.LanguageRange range : ranges) {
      if (range.getWeight() == 0) {
        continue;
      }
      String primary = range.getRange().split("-", 2)[0];
      if (primary.equals("zh")) {
        return DocumentLanguage.ZH_CN;
      }
      if (primary.equals("en") || primary.equals("*")) {
        return DocumentLanguage.EN;
      }
    }
    return DocumentLanguage.EN;
  }
}
