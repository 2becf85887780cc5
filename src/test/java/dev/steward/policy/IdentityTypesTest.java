package dev.steward.policy;

import static dev.steward.policy.Fixtures.checkMinimalWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Custom identity types declared in the policy file, and forms naming who, where and what. */
class IdentityTypesTest {
  private static final String SUBJECT_TYPES =
      "subject_types:\n  - {id: customers, name: Customers}\n";

  @Test
  void check_declaredIdentityType_isInTheModel() {
    CheckReport report =
        checkMinimalWith(
            SUBJECT_TYPES,
            SUBJECT_TYPES + "identity_types:\n  - {id: loyalty_card, name: Loyalty card}\n");

    assertThat(report.problems()).isEmpty();
    assertThat(report.policy().orElseThrow().identityTypes())
        .containsExactly(new CustomIdentityType("loyalty_card", "Loyalty card"));
  }

  @Test
  void check_identityTypeIdWithDash_isAnErrorAtTheId() {
    CheckReport report =
        checkMinimalWith(
            SUBJECT_TYPES,
            SUBJECT_TYPES + "identity_types:\n  - {id: loyalty-card, name: Loyalty card}\n");

    assertThat(report.errors())
        .extracting(Problem::format)
        .containsExactly(
            "policy.yaml:15:10: error: 'loyalty-card' is not a valid identity type id (hint: use"
                + " lower-case letters, digits and '_', starting with a letter)");
  }

  @Test
  void check_identityTypeDeclaredTwice_isADuplicate() {
    CheckReport report =
        checkMinimalWith(
            SUBJECT_TYPES,
            SUBJECT_TYPES
                + "identity_types:\n  - {id: card, name: Card}\n  - {id: card, name: Card}\n");

    assertThat(report.errors())
        .extracting(Problem::format)
        .singleElement()
        .asString()
        .contains("duplicate identity type id 'card'");
  }

  @Test
  void check_formNamingAnUnknownSource_isAnError() {
    CheckReport report =
        checkMinimalWith(
            "retention:",
            "forms:\n  - id: signup\n    name: Sign-up\n    purposes: [service]\n    subject_type: customers\n"
                + "    source: nowhere\n    fields:\n      - {name: email, categories:"
                + " [contact.email]}\nretention:");

    assertThat(report.errors())
        .extracting(Problem::format)
        .singleElement()
        .asString()
        .contains("unknown source 'nowhere'");
  }

  @Test
  void formDefaults_withoutDeclarations_comeFromItsPurposeAndThePolicy() {
    CheckReport report =
        checkMinimalWith(
            "retention:",
            "sources:\n  - {id: partner, name: Partner, kind: indirect}\n"
                + "  - {id: the-person, name: The person, kind: direct}\n"
                + "systems:\n  - {id: crm, name: CRM, owner: acme, location: IE, processor: false}\n"
                + "forms:\n  - id: signup\n    name: Sign-up\n    purposes: [service]\n    subject_type: customers\n"
                + "    fields:\n      - {name: email, categories: [contact.email]}\nretention:");
    Policy policy = report.policy().orElseThrow();
    Form form = policy.forms().get(0);

    assertThat(form.subjectTypeIn(policy)).contains("customers");
    assertThat(form.sourceIn(policy)).contains("the-person");
    assertThat(form.systemIn(policy)).contains("crm");
  }
}
