package dev.steward.web;

/**
 * What every page's template and the shared layout ({@code web/layout.jte}) know of the call: the
 * language and its words, the organisation's name, the form's CSRF token, asset addresses and the
 * language switch. Built per call by {@link PageCall}; immutable.
 */
public final class PageFrame {
  private final Text text;
  private final String organisation;
  private final String csrf;
  private final String path;
  private final StaticAssets assets;
  private final boolean staffSignedIn;

  PageFrame(
      Text text,
      String organisation,
      String csrf,
      String path,
      StaticAssets assets,
      boolean staffSignedIn) {
    this.text = text;
    this.organisation = organisation;
    this.csrf = csrf;
    this.path = path;
    this.assets = assets;
    this.staffSignedIn = staffSignedIn;
  }

  /** The words of {@code key} in the page's language. */
  public String t(String key, Object... args) {
    return text.get(key, args);
  }

  public Text text() {
    return text;
  }

  /** {@code en} or {@code zh-CN}, for {@code <html lang>}. */
  public String lang() {
    return text.language().tag();
  }

  public PageLanguage language() {
    return text.language();
  }

  /** The name of the organisation in the policy in force. */
  public String organisation() {
    return organisation;
  }

  /**
   * The language the organisation's name is written in, for its {@code lang} attribute: a name with
   * Chinese characters is Chinese, any other is taken as English.
   */
  public String organisationLang() {
    return organisation.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF) ? "zh-CN" : "en";
  }

  /** The value of the hidden {@code csrf} field every form that posts must carry. */
  public String csrf() {
    return csrf;
  }

  /** The long-cached address of a file of {@code src/main/resources/static}. */
  public String asset(String name) {
    return assets.href(name);
  }

  /** This page in the other language. */
  public String switchHref() {
    return path + "?lang=" + text.language().other().tag();
  }

  /** The other language's name, in that language (e.g. 中文 on an English page). */
  public String switchLabel() {
    return text.get("web.switch." + text.language().other().tag());
  }

  public String switchLang() {
    return text.language().other().tag();
  }

  public boolean staffSignedIn() {
    return staffSignedIn;
  }

  /** The page's path, e.g. to mark the current item of a navigation. */
  public String path() {
    return path;
  }
}
