package dev.steward.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.policy.CheckReport;
import dev.steward.policy.Policy;
import dev.steward.policy.PolicyChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** GDPR Art. 15(4) redaction as the policy file's categories say, with inheritance. */
class RedactionTest {
  private static final PolicyChecker CHECKER =
      new PolicyChecker(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void bundledPolicy_redactsTheRecruitersInputOnly() {
    Policy policy = policy(bundled());

    assertThat(Redaction.redacted(policy, "applicant.third_party_input")).isTrue();
    assertThat(Redaction.redacted(policy, "applicant.resume")).isFalse();
    assertThat(Redaction.redacted(policy, "contact.email")).isFalse();
  }

  @Test
  void aboutOthersOnAParent_redactsItsChildren_unlessAChildDisclosesItself() {
    String yaml =
        bundled()
            .replace(
                "  - id: service\n    name: Other service data\n",
                "  - id: service\n    name: Other service data\n    about_others: true\n")
            .replace(
                "      - {id: service.inquiry, name: What a person writes when contacting us}",
                "      - {id: service.inquiry, name: What a person writes when contacting us,"
                    + " disclose_in_access: true}");
    Policy policy = policy(yaml);

    assertThat(Redaction.redacted(policy, "service.feedback")).isTrue();
    assertThat(Redaction.redacted(policy, "service.inquiry")).isFalse();
  }

  @Test
  void discloseInAccessFalse_redactsACategoryNotAboutOthers() {
    Policy policy =
        policy(
            bundled()
                .replace(
                    "      - {id: contact.phone, name: Phone numbers}",
                    "      - {id: contact.phone, name: Phone numbers, disclose_in_access: false}"));

    assertThat(Redaction.redacted(policy, "contact.phone")).isTrue();
    assertThat(Redaction.redacted(policy, "contact.email")).isFalse();
  }

  @Test
  void aNonBooleanSetting_isAPolicyErrorAtItsLine() {
    CheckReport report =
        CHECKER.check(
            "policy.yaml",
            bundled()
                .replace(
                    "      - {id: contact.phone, name: Phone numbers}",
                    "      - {id: contact.phone, name: Phone numbers, about_others: maybe}"));

    assertThat(report.errors())
        .anySatisfy(
            problem -> assertThat(problem.toString()).contains("about_others", "true or false"));
  }

  private static Policy policy(String yaml) {
    CheckReport report = CHECKER.check("policy.yaml", yaml);
    assertThat(report.errors()).isEmpty();
    return report.policy().orElseThrow();
  }

  private static String bundled() {
    try (var in =
        RedactionTest.class.getClassLoader().getResourceAsStream(PolicyChecker.BUNDLED_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
