package dev.steward.policy.documents;

import static dev.steward.policy.documents.PrivacyNoticeTest.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.policy.Policy;
import dev.steward.policy.PolicyChecker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The notice of the second example policy, a German education company: the facts the bundled policy
 * cannot say (a service for children, ages of parental consent, an external DPO, retention from a
 * sign-in, a decision or a year's end, a system in the EU) reach the page in both languages.
 */
class EducationNoticeTest {
  private static final Policy EDUCATION =
      new PolicyChecker(DocumentFixtures.CLOCK)
          .loadValid(Path.of("docs", "examples", "education-policy.yaml"));

  private static String notice(DocumentLanguage language) {
    return plain(
        new String(
            DocumentFixtures.DOCUMENTS
                .render(DocumentKind.NOTICE, EDUCATION, language, DocumentFormat.HTML)
                .content(),
            StandardCharsets.UTF_8));
  }

  @Test
  void notice_serviceForChildren_neverSaysItIsNotMeantForThem() {
    String english = notice(DocumentLanguage.EN);

    assertThat(english).doesNotContain("not meant for children");
    assertThat(english)
        .contains("Our services are meant for children as well as adults")
        .contains("European Economic Area (GDPR): under 16, Austria: under 14");
  }

  @Test
  void notice_ownPolicy_isNotPresentedAsADemonstration() {
    assertThat(notice(DocumentLanguage.EN)).doesNotContain("demonstration");
    assertThat(notice(DocumentLanguage.ZH_CN)).doesNotContain("演示");
  }

  @Test
  void notice_externalDpo_namesTheFirmAndItsOwnChannels() {
    assertThat(notice(DocumentLanguage.EN))
        .contains(
            "Our Data protection officer is Dr. Jana Beispiel, Datenschutzberatung Muster GmbH,"
                + " who is not on our staff but serves Lernwerk Bildung GmbH under a service"
                + " contract, and can be reached by Email: dsb@datenschutz-muster.example");
  }

  @Test
  void notice_retentionFromSignInDecisionAndYearEnd_isWorded() {
    assertThat(notice(DocumentLanguage.EN))
        .contains(
            "Deleted 2 years after you last signed in",
            "Deleted 6 months after the decision it served is made",
            "Deleted 8 years after the end of the financial year in which it was recorded",
            "Our financial year ends on 31 December.");
  }

  @Test
  void notice_systemInTheEu_namesTheArea() {
    assertThat(notice(DocumentLanguage.EN)).contains("European Union");
    assertThat(notice(DocumentLanguage.ZH_CN)).contains("欧盟");
  }

  @Test
  void notice_inChinese_saysTheSameInChinese() {
    String chinese = notice(DocumentLanguage.ZH_CN);

    assertThat(chinese)
        .contains("我们的服务面向儿童和成年人", "奥地利：未满14岁", "你最后一次登录", "12月31日")
        .contains("根据服务合同为Lernwerk Bildung GmbH履行职责");
  }

  @Test
  void notice_objectionToDirectMarketing_saysItNeedsNoCheck() {
    assertThat(notice(DocumentLanguage.EN))
        .contains("To object to direct marketing alone: Unsubscribe link; Email:")
        .contains("(No check needed)");
  }
}
