package dev.steward.center;

/**
 * Text the policy's authors wrote, with its language for the {@code lang} attribute: a policy is
 * written in one language, which a page in the other language quotes as it stands rather than
 * pretend to translate. Chinese characters mean Chinese; anything else is taken as English.
 */
public record Written(String text, String lang) {
  static Written of(String text) {
    String value = text == null ? "" : text;
    boolean chinese = value.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF);
    return new Written(value, chinese ? "zh-CN" : "en");
  }
}
