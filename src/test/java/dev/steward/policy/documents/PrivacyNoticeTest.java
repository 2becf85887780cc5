package dev.steward.policy.documents;

import static dev.steward.policy.documents.DocumentFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.policy.Purpose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrivacyNoticeTest {
  static final List<String> SECTIONS =
      List.of(
          "controllers",
          "contact",
          "collection",
          "sources",
          "customer-content",
          "systems",
          "purposes",
          "recipients",
          "marketing",
          "rights",
          "california",
          "children",
          "china",
          "security",
          "transfers",
          "cookies",
          "retention",
          "documents",
          "changes");

  private static final List<String> ENTITIES =
      List.of(
          "ChinaCache North America, Inc.",
          "ChinaCache International Holdings Ltd.",
          "ChinaCache Networks (UK) Limited",
          "ChinaCache Networks (Hong Kong) Limited",
          "Beijing Blue I.T. Technologies Co., Ltd.");

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  @ParameterizedTest
  @EnumSource(DocumentLanguage.class)
  void notice_inEitherLanguage_hasEverySectionWithItsAnchorAndHeading(DocumentLanguage language) {
    String html = text(DocumentKind.NOTICE, language, DocumentFormat.HTML);
    String markdown = text(DocumentKind.NOTICE, language, DocumentFormat.MARKDOWN);

    for (String id : SECTIONS) {
      assertThat(html).contains("<section id=\"" + id + "\"", "<h2 id=\"" + id + "-heading\">");
      assertThat(markdown).contains("## <a id=\"" + id + "\"></a>");
    }
  }

  @ParameterizedTest
  @EnumSource(DocumentLanguage.class)
  void notice_inEitherLanguage_statesTheKeyFactsOfThePolicy(DocumentLanguage language) {
    String html = plain(text(DocumentKind.NOTICE, language, DocumentFormat.HTML));
    String markdown =
        text(DocumentKind.NOTICE, language, DocumentFormat.MARKDOWN).replace("\\", "");

    for (String notice : List.of(html, markdown)) {
      assertThat(notice).contains(ENTITIES);
      assertThat(notice)
          .contains("emea@chinacache.com", "+44 20 3728 1161", "W2 6LG")
          .contains("ccna-legal@chinacacheglobal.com", "+1 866 998 3399", "Diamond Bar");
      assertThat(notice)
          .contains(
              DocumentFixtures.BUNDLED.localized(language.tag()).purposes().stream()
                  .map(Purpose::name)
                  .toList());
      assertThat(DocumentFixtures.BUNDLED.purposes()).hasSize(13);
    }
    if (language == DocumentLanguage.EN) {
      assertThat(html)
          .contains("within 30 business days", "under 13", "6 years after", "October 2019");
    } else {
      assertThat(html).contains("30个工作日内", "13岁以下", "6年", "2019年10月");
    }
  }

  @Test
  void notice_bundledDemonstration_saysWhosePracticesItDescribesInBothLanguages() {
    String english = plain(text(DocumentKind.NOTICE, DocumentLanguage.EN, DocumentFormat.HTML));
    String chinese = plain(text(DocumentKind.NOTICE, DocumentLanguage.ZH_CN, DocumentFormat.HTML));

    assertThat(english)
        .contains("This notice is a demonstration.")
        .contains("not those of the organisation running this site");
    assertThat(english.indexOf("This notice is a demonstration."))
        .isLessThan(english.indexOf(ENTITIES.get(0)));
    assertThat(chinese).contains("本声明仅为演示", "而非运营本网站的组织的做法");
  }

  @Test
  void notice_bundled_saysNoDataGoesToInternationalOrganisations() {
    assertThat(plain(text(DocumentKind.NOTICE, DocumentLanguage.EN, DocumentFormat.HTML)))
        .contains("We do not send your data to international organisations.");
  }

  @Test
  void notice_transferSilentOnInternationalOrganisations_saysNothingAboutThem() {
    dev.steward.policy.Policy minimal =
        new dev.steward.policy.PolicyChecker(DocumentFixtures.CLOCK)
            .loadValid(Path.of("docs", "examples", "minimal-policy.yaml"));

    String notice =
        plain(
            new String(
                DocumentFixtures.DOCUMENTS
                    .render(DocumentKind.NOTICE, minimal, DocumentLanguage.EN, DocumentFormat.HTML)
                    .content(),
                java.nio.charset.StandardCharsets.UTF_8));

    assertThat(notice).doesNotContain("international organisations");
  }

  @Test
  void notice_unstatedValues_areLeftOutNeverShownAsTheKeyword() {
    String english = plain(text(DocumentKind.NOTICE, DocumentLanguage.EN, DocumentFormat.HTML));
    String chinese = plain(text(DocumentKind.NOTICE, DocumentLanguage.ZH_CN, DocumentFormat.HTML));

    assertThat(english).doesNotContain("Do Not Track", "not stated in our policy");
    assertThat(chinese).doesNotContain("我们的政策未作说明");
    assertThat(english).doesNotContain("unstated");
    assertThat(chinese).doesNotContain("unstated");
  }

  @ParameterizedTest
  @EnumSource(DocumentLanguage.class)
  void notice_html_isAnAccessiblePageWithoutInlineScriptOrStyle(DocumentLanguage language) {
    String html = text(DocumentKind.NOTICE, language, DocumentFormat.HTML);

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"" + language.tag() + "\">")
        .contains("<link rel=\"stylesheet\" href=\"/assets/documents.css\"/>")
        .contains("<th scope=\"col\">", "<th scope=\"row\">", "<caption>");
    assertThat(html).containsOnlyOnce("<h1>");
    assertThat(html.toLowerCase()).doesNotContain("<script", "<style", " style=");
    assertThat(html).doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=");
  }

  @Test
  void notice_inChinese_hasChineseTextInEverySection() {
    String html = text(DocumentKind.NOTICE, DocumentLanguage.ZH_CN, DocumentFormat.HTML);

    for (String id : SECTIONS) {
      int start = html.indexOf("<section id=\"" + id + "\"");
      String heading = html.substring(start, html.indexOf("</h2>", start));
      String firstText = html.substring(start, html.indexOf("</p>", start));
      assertThat(HAN.matcher(heading).find()).as("Chinese heading of %s", id).isTrue();
      assertThat(HAN.matcher(firstText).find()).as("Chinese text in %s", id).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(DocumentLanguage.class)
  void notice_neverContainsASentenceOfTheSourcePolicy(DocumentLanguage language)
      throws IOException {
    Path source = DocumentFixtures.sourcePolicy();
    assumeTrue(Files.exists(source), "the source policy is not at " + source.toAbsolutePath());
    List<String> sentences =
        Arrays.stream(Files.readString(source).split("(?<=[.!?;:])\\s+|\\R"))
            .map(PrivacyNoticeTest::normalise)
            .filter(sentence -> sentence.length() > 60)
            .toList();
    assertThat(sentences).hasSizeGreaterThan(50);
    String html = normalise(plain(text(DocumentKind.NOTICE, language, DocumentFormat.HTML)));
    String markdown =
        normalise(text(DocumentKind.NOTICE, language, DocumentFormat.MARKDOWN).replace("\\", ""));

    for (String sentence : sentences) {
      assertThat(html).doesNotContain(sentence);
      assertThat(markdown).doesNotContain(sentence);
    }
  }

  /** The text of an HTML page: tags dropped, the entities jte writes decoded. */
  static String plain(String html) {
    String text = html.replaceAll("<[^>]+>", " ");
    Matcher entity = Pattern.compile("&#(\\d+);").matcher(text);
    text =
        entity.replaceAll(
            m -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1)))));
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replaceAll("[ \\t]*\\R[ \\t]*", "\n")
        .replaceAll("[ \\t]+", " ");
  }

  private static String normalise(String text) {
    return text.replace('’', '\'')
        .replace('“', '"')
        .replace('”', '"')
        .replaceAll("\\s+", " ")
        .trim();
  }
}
