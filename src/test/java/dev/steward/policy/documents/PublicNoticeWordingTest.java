package dev.steward.policy.documents;

import static dev.steward.policy.documents.DocumentFixtures.BUNDLED;
import static dev.steward.policy.documents.DocumentFixtures.DOCUMENTS;
import static dev.steward.policy.documents.DocumentFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The notice is written for the public: what the policy leaves open is left out or worded for the
 * reader, never announced as a gap; only the record of processing shows the gaps.
 */
class PublicNoticeWordingTest {
  @ParameterizedTest
  @EnumSource(
      value = DocumentFormat.class,
      names = {"HTML", "MARKDOWN"})
  void notice_ofAPolicyWithGaps_neverSaysWhatThePolicyDoesNotState(DocumentFormat format) {
    String english = text(DocumentKind.NOTICE, DocumentLanguage.EN, format);
    String chinese = text(DocumentKind.NOTICE, DocumentLanguage.ZH_CN, format);

    assertThat(english).doesNotContainIgnoringCase("not stated");
    assertThat(chinese).doesNotContain("未作说明", "未说明");
  }

  @Test
  void notice_writesNoTextMeantForPolicyAuthors() {
    String english = text(DocumentKind.NOTICE, DocumentLanguage.EN, DocumentFormat.MARKDOWN);

    assertThat(english).doesNotContain("the source", "our policy", "unstated");
  }

  @Test
  void notice_whenTheDoNotTrackAnswerIsOpen_saysNothingAboutDoNotTrack() {
    assertThat(BUNDLED.jurisdiction("ccpa").flatMap(j -> j.calOppa()).orElseThrow().doNotTrack())
        .isEqualTo(Policy.UNSTATED);

    assertThat(text(DocumentKind.NOTICE, DocumentLanguage.EN, DocumentFormat.MARKDOWN))
        .doesNotContain("Do Not Track");
  }

  @Test
  void notice_aWebChannelWithoutAnAddress_pointsToTheContactDetailsNotABareWebPage() {
    String english = text(DocumentKind.NOTICE, DocumentLanguage.EN, DocumentFormat.MARKDOWN);

    assertThat(english)
        .doesNotContain("Web page.", "Web page |", "Web page;")
        .contains(
            "opt out of any sale or sharing at any time, without proving who you are: through the"
                + " contact details under How to contact us.");
  }

  @Test
  void notice_ofAPolicyWithoutTrackers_hasNoCookieSection() {
    Policy noTrackers = withoutTrackers(BUNDLED);

    String english =
        new String(
            DOCUMENTS
                .render(DocumentKind.NOTICE, noTrackers, DocumentLanguage.EN, DocumentFormat.HTML)
                .content(),
            StandardCharsets.UTF_8);

    assertThat(english).doesNotContain("Cookies and similar technologies", "cookies.intro");
    assertThat(text(DocumentKind.NOTICE, DocumentLanguage.EN, DocumentFormat.HTML))
        .contains("Cookies and similar technologies");
  }

  @Test
  void processingRecord_stillShowsTheGaps() {
    assertThat(text(DocumentKind.PROCESSING_RECORD, DocumentLanguage.EN, DocumentFormat.HTML))
        .contains("not stated in our policy");
    assertThat(text(DocumentKind.PROCESSING_RECORD, DocumentLanguage.ZH_CN, DocumentFormat.HTML))
        .contains("我们的政策未作说明");
  }

  private static Policy withoutTrackers(Policy policy) {
    return new Policy(
        policy.version(),
        policy.effectiveDate(),
        policy.regions(),
        policy.entities(),
        policy.jointControllers(),
        policy.dpo(),
        policy.subjectTypes(),
        policy.identityTypes(),
        policy.categories(),
        policy.sources(),
        policy.systems(),
        policy.purposes(),
        policy.recipients(),
        policy.transfers(),
        List.of(),
        policy.forms(),
        policy.retentionRules(),
        policy.exemptions(),
        policy.documents(),
        policy.jurisdictions(),
        policy.calendars(),
        policy.changeNotification(),
        policy.directedAtChildren(),
        policy.financialYearEnd(),
        policy.demo(),
        policy.translations());
  }
}
