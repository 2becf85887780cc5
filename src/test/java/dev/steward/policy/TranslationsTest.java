package dev.steward.policy;

import static dev.steward.policy.Fixtures.check;
import static dev.steward.policy.Fixtures.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The file's own texts in another language, and the checks that keep them in step. */
class TranslationsTest {
  private static final String TRANSLATED =
      "translations:\n  zh-CN:\n    \"Customers\": 客户\n    \"Former customers\": 前客户\n";

  @Test
  void localized_replacesEveryTranslatedTextAndKeepsIds() {
    Policy policy = check(minimal() + TRANSLATED).orThrow();

    Policy chinese = policy.localized("zh-CN");

    assertThat(chinese.subjectTypes().get(0).name()).isEqualTo("客户");
    assertThat(chinese.subjectTypes().get(0).id()).isEqualTo("customers");
    assertThat(policy.subjectTypes().get(0).name()).isEqualTo("Customers");
    assertThat(policy.localized("en")).isSameAs(policy);
  }

  @Test
  void check_translationOfATextThePolicyNoLongerHas_warnsWhereItIsWritten() {
    CheckReport report = check(minimal() + TRANSLATED);

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings())
        .extracting(Problem::format)
        .anySatisfy(
            warning ->
                assertThat(warning)
                    .contains("no text of the policy reads 'Former customers'")
                    .contains("into zh-CN is never used"));
  }

  @Test
  void check_translationsUnderSomethingNotALanguageTag_isAnError() {
    CheckReport report = check(minimal() + "translations:\n  chinese:\n    \"Customers\": 客户\n");

    assertThat(report.errors())
        .extracting(Problem::format)
        .anySatisfy(error -> assertThat(error).contains("'chinese' is not a language tag"));
  }
}
