package dev.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.InvalidInputException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings, retry policy and letters refuse bad values with messages that name the field. */
class MailValuesTest {

  @Test
  void settings_badPort_namesTheField() {
    assertThatThrownBy(
            () -> MailSettings.plain("smtp.example.com", 0, "a@example.com", "example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mail port must be between 1 and 65535, was 0");
  }

  @Test
  void settings_usernameWithoutPassword_isRefused() {
    assertThatThrownBy(
            () ->
                new MailSettings(
                    "smtp.example.com",
                    587,
                    MailSettings.Security.STARTTLS,
                    "steward",
                    null,
                    "privacy@example.com",
                    "example.com",
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(5)))
        .hasMessageContaining("mail username and mail password");
  }

  @Test
  void settings_badFromOrDomain_namesTheField() {
    assertThatThrownBy(
            () -> MailSettings.plain("smtp.example.com", 25, "not an address", "example.com"))
        .hasMessageStartingWith("mail from is not a valid address");
    assertThatThrownBy(
            () -> MailSettings.plain("smtp.example.com", 25, "a@example.com", "bad domain"))
        .hasMessageStartingWith("mail messageIdDomain must be a domain name");
  }

  @Test
  void settings_toString_hidesThePassword() {
    MailSettings settings =
        new MailSettings(
            "smtp.example.com",
            465,
            MailSettings.Security.SSL,
            "steward",
            "s3cret-pass",
            "privacy@example.com",
            "example.com",
            Duration.ofSeconds(5),
            Duration.ofSeconds(5));
    assertThat(settings.toString()).contains("username=steward").doesNotContain("s3cret-pass");
  }

  @Test
  void retry_delayAfter_doublesFromTheFirstDelayUpToTheCap() {
    MailRetry retry = MailRetry.defaults();
    assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(retry.delayAfter(5)).isEqualTo(Duration.ofMinutes(8));
    assertThat(retry.delayAfter(8)).isEqualTo(Duration.ofHours(1));
    assertThat(retry.delayAfter(1_000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void retry_capBelowFirstDelay_isRefused() {
    assertThatThrownBy(
            () -> new MailRetry(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofDays(1)))
        .hasMessage("mail retry maxDelay cannot be less than firstDelay");
  }

  @Test
  void letter_badAddressAndInjectedHeader_reportsEveryProblemWithoutTheValues() {
    assertThatThrownBy(
            () ->
                new OutgoingMail(
                    "letter.denial",
                    "wang.fang@@example.org",
                    "Subject",
                    "Body",
                    null,
                    Map.of("List-Unsubscribe", "<x>\r\nBcc: wang.fang@example.org"),
                    null,
                    null,
                    null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> {
              InvalidInputException invalid = (InvalidInputException) e;
              assertThat(invalid.problems())
                  .extracting(InvalidInputException.FieldProblem::field)
                  .containsExactly("to", "headers/List-Unsubscribe");
              assertThat(invalid.problems().toString()).doesNotContain("wang.fang");
            });
  }

  @Test
  void letter_headerTheOutboxSets_isRefused() {
    assertThatThrownBy(
            () ->
                new OutgoingMail(
                    "letter.extension",
                    "a@example.org",
                    "S",
                    "B",
                    null,
                    Map.of("Message-ID", "<mine@example.org>"),
                    null,
                    null,
                    null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).problems())
                    .extracting(InvalidInputException.FieldProblem::message)
                    .containsExactly("is set by the outbox itself"));
  }

  @Test
  void letter_toString_showsNoRecipientOrContent() {
    OutgoingMail mail =
        OutgoingMail.text("letter.completion", "chen.jie@example.org", "Private subject", "Body")
            .relatedTo("request", "R-7");
    assertThat(mail.toString())
        .isEqualTo("OutgoingMail[kind=letter.completion, related=request:R-7]")
        .doesNotContain("chen.jie");
  }
}
