package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.policy.FixedPolicies;
import dev.steward.policy.Policy;
import dev.steward.policy.PolicyChecker;
import dev.steward.vault.VaultVocabulary.Term;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vault's vocabulary follows the policy: custom identity types, recipients, indirect sources.
 */
class PolicyVocabularyTest {
  private final Policy policy =
      new PolicyChecker(Clock.systemUTC())
          .check(Path.of("docs/examples/minimal-policy.yaml"))
          .policy()
          .orElseThrow();
  private final VaultVocabulary vocabulary = new PolicyVocabulary(FixedPolicies.of(policy));

  @Test
  void knows_identityTypeDeclaredInPolicy_isTrueAndAnUndeclaredOneFalse() {
    assertThat(vocabulary.knows(Term.IDENTITY_TYPE, "loyalty_card")).isTrue();
    assertThat(vocabulary.knows(Term.IDENTITY_TYPE, "passport")).isFalse();
  }

  @Test
  void knows_recipientsAndIndirectSources_comeFromThePolicy() {
    assertThat(vocabulary.knows(Term.RECIPIENT, "mail-provider")).isTrue();
    assertThat(vocabulary.knows(Term.RECIPIENT, "data-broker")).isFalse();
    assertThat(vocabulary.knows(Term.SOURCE, "the-person")).isTrue();
    assertThat(vocabulary.knows(Term.INDIRECT_SOURCE, "the-person")).isFalse();
  }

  @Test
  void beyondDeclared_namesCategoriesAndPurposeTheRecipientIsNotDeclaredToReceive() {
    assertThat(vocabulary.beyondDeclared("mail-provider", List.of("contact.email"), "newsletter"))
        .isEmpty();
    assertThat(
            vocabulary.beyondDeclared(
                "mail-provider", List.of("contact.name", "contact.email"), "service"))
        .containsExactly("category:contact.name", "purpose:service");
    // Declaring a sub-category does not cover its parent: the whole group is more than declared.
    assertThat(vocabulary.beyondDeclared("mail-provider", List.of("contact"), "newsletter"))
        .containsExactly("category:contact");
    assertThat(vocabulary.beyondDeclared("data-broker", List.of("contact"), "service")).isEmpty();
  }

  @Test
  void beyondDeclared_aRecipientWhoseCategoriesAndPurposesAreUnstated_isNeverFlagged() {
    Policy bundled = new PolicyChecker(Clock.systemUTC()).bundled();
    VaultVocabulary policyVocabulary = new PolicyVocabulary(FixedPolicies.of(bundled));

    assertThat(policyVocabulary.beyondDeclared("it-providers", List.of("health"), "marketing"))
        .isEmpty();
    // Named purposes but unstated categories: only the purpose is judged.
    assertThat(
            policyVocabulary.beyondDeclared(
                "marketing-analytics", List.of("identification"), "security"))
        .containsExactly("purpose:security");
    // A declared group covers its sub-categories.
    assertThat(
            policyVocabulary.beyondDeclared(
                "authorities", List.of("identification.name"), "legal-compliance"))
        .isEmpty();
  }
}
