package dev.steward.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private final Messages messages = Messages.load();

  @Test
  void everyKey_existsInEveryLanguage() {
    Map<String, String> english = messages.of(PageLanguage.EN);
    Map<String, String> chinese = messages.of(PageLanguage.ZH_CN);
    TreeSet<String> onlyEnglish = new TreeSet<>(english.keySet());
    onlyEnglish.removeAll(chinese.keySet());
    TreeSet<String> onlyChinese = new TreeSet<>(chinese.keySet());
    onlyChinese.removeAll(english.keySet());
    assertThat(onlyEnglish).as("keys without Chinese words").isEmpty();
    assertThat(onlyChinese).as("keys without English words").isEmpty();
  }

  @Test
  void bundles_ofEveryFeature_areMerged() {
    assertThat(Messages.bundleResources())
        .contains("i18n/web_en.properties", "i18n/web_zh_CN.properties")
        .contains("i18n/center_en.properties", "i18n/console_zh_CN.properties");
    assertThat(messages.text(PageLanguage.ZH_CN).get("web.error.404.heading")).isEqualTo("找不到页面");
  }

  @Test
  void chineseWords_haveNoLatinSentence() {
    // Product names and the language switch's own label may stay; a sentence may not.
    messages
        .of(PageLanguage.ZH_CN)
        .forEach(
            (key, value) ->
                assertThat(value).as(key).doesNotContainPattern("[A-Za-z]+ [A-Za-z]+ [A-Za-z]+"));
  }

  @Test
  void text_fillsArguments_inTheLanguage() {
    assertThat(messages.text(PageLanguage.EN).get("web.error.429.wait", 12))
        .isEqualTo("Wait 12 seconds, then try again.");
  }

  @Test
  void acceptLanguage_picksSimplifiedChinese_forChineseOfChina() {
    assertThat(PageLanguage.ofAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"))
        .contains(PageLanguage.ZH_CN);
    assertThat(PageLanguage.ofAcceptLanguage("fr-FR, en-GB;q=0.5")).contains(PageLanguage.EN);
    assertThat(PageLanguage.ofAcceptLanguage("zh-TW")).isEmpty();
    assertThat(PageLanguage.ofAcceptLanguage("not a header;;;")).isEmpty();
  }
}
