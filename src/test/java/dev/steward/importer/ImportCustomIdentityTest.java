package dev.steward.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityMatch;
import dev.steward.vault.IdentityType;
import dev.steward.vault.Subject;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An identity type the policy declares is imported and indexed like the vault's own. */
class ImportCustomIdentityTest {
  static final IdentityType LOYALTY_CARD = IdentityType.of("loyalty_card");
  static final String MAPPING =
      """
      subject_type: customer-contacts
      source: customers
      system: crm
      purposes: [relationship-admin]
      legal_basis: dpv:Contract
      identities:
        card: loyalty_card
        email: email
      """;

  @AutoClose private ImportFixture fixture;

  IdentityMatch findCard(String value) {
    return fixture.vault.findByIdentity(ImportFixture.CLI, new Identity(LOYALTY_CARD, value));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void customIdentityColumn_isNormalisedAndIndexed_soTheVaultSearchFindsThePerson(Engine engine) {
    fixture = new ImportFixture(engine);
    Path file =
        fixture.write(
            "cards.csv",
            "card,email\n"
                // Full-width letters and digits, as some point-of-sale exports write them.
                + "\uFF2C\uFF23-\uFF10\uFF10\uFF14\uFF12  17,ann@example.com\n"
                + "LC-0099 01,\n"
                + "%s,bea@example.com\n".formatted("9".repeat(1001)));

    ImportReport report = fixture.run(file, MAPPING);

    assertThat(report.created()).isEqualTo(2);
    assertThat(fixture.rejects(file))
        .containsExactly("line,reason,column", "4,invalid-loyalty_card,\"card\"");
    UUID ann =
        ((IdentityMatch.Found)
                fixture.vault.findByIdentity(ImportFixture.CLI, Identity.email("ann@example.com")))
            .subjectId();
    // NFKC and one space between words, as the vault treats every custom type.
    assertThat(findCard(" LC-0042 17 ")).isEqualTo(new IdentityMatch.Found(ann));
    assertThat(findCard("LC-0099\u00A001")).isInstanceOf(IdentityMatch.Found.class);
    // Custom ids are tokens: letter case is kept, as for account and device ids.
    assertThat(findCard("lc-0042 17")).isInstanceOf(IdentityMatch.None.class);
    assertThat(fixture.vault.subject(ImportFixture.CLI, ann).identities())
        .extracting(Subject.IdentityRef::type)
        .containsExactlyInAnyOrder("loyalty_card", "email");
  }
}
