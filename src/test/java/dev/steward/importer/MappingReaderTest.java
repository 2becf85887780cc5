package dev.steward.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.importer.ImportMapping.Column;
import dev.steward.policy.FixedPolicies;
import dev.steward.policy.Policy;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.Problem;
import dev.steward.vault.PolicyVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingReaderTest {
  @TempDir Path dir;

  ImportMapping read(String text) throws IOException {
    return new MappingReader(ImportFixture.VOCABULARY)
        .read(Files.writeString(dir.resolve("mapping.yaml"), text));
  }

  List<String> problems(String text) {
    InvalidMappingException invalid =
        catchThrowableOfType(InvalidMappingException.class, () -> read(text));
    assertThat(invalid).as("the mapping should be refused").isNotNull();
    return invalid.located().stream()
        .map(Problem::format)
        .map(line -> line.substring(line.indexOf("mapping.yaml")))
        .toList();
  }

  @Test
  void validMapping_readsColumnsTargetsAndProvenance() throws IOException {
    ImportMapping mapping = read(ImportFixture.MAPPING);

    assertThat(mapping.identities())
        .containsExactly(
            new Column("email", "email"), new Column("phone", "phone"), new Column("name", "name"));
    assertThat(mapping.records()).extracting(Column::target).contains("contact.email");
    assertThat(mapping.purposes()).containsExactly("relationship-admin");
    assertThat(mapping.startColumn()).isEqualTo("since");
    assertThat(mapping.columns()).containsExactly("email", "phone", "name", "since");
    assertThat(mapping.hash()).hasSize(64);
  }

  @Test
  void unknownIds_areLocatedAtTheirValues() {
    String text =
        """
        subject_type: customer-contacts
        source: nowhere
        system: crm
        purposes: [relationship-admin, spying]
        legal_basis: dpv:Contract
        identities:
          email: emial
        records:
          email: contact.mail
        colour: blue
        """;

    assertThat(problems(text))
        .containsExactly(
            "mapping.yaml:2:9: error: 'nowhere' is not a source of the policy",
            "mapping.yaml:4:32: error: 'spying' is not a purpose of the policy",
            "mapping.yaml:7:10: error: 'emial' is not a built-in identity type nor one the policy"
                + " declares",
            "mapping.yaml:9:10: error: 'contact.mail' is not a category of the policy",
            "mapping.yaml:10:1: error: unknown key 'colour'");
  }

  @Test
  void missingKeys_areReportedAtTheTop() {
    assertThat(problems("source: customers\n"))
        .contains(
            "mapping.yaml:1:1: error: 'subject_type' is missing",
            "mapping.yaml:1:1: error: 'identities' is missing",
            "mapping.yaml:1:1: error: 'purposes' is missing");
  }

  @Test
  void yamlSyntaxErrors_andDuplicateKeys_areLocated() {
    assertThat(problems("source: customers\n  system: [crm\n"))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("mapping.yaml:2:");
    assertThat(problems(ImportFixture.MAPPING + "source: customers\n"))
        .containsExactly("mapping.yaml:16:1: error: duplicate key 'source'");
  }

  @Test
  void disclosures_readRecipientCategoriesPurposeBasisAndTime() throws IOException {
    ImportMapping mapping = read(ImportDisclosuresTest.MAPPING);

    assertThat(mapping.disclosures())
        .containsExactly(
            new ImportMapping.Disclosure(
                "it-providers",
                List.of("contact.email", "contact.phone"),
                "relationship-admin",
                "dpv:Contract",
                "CRM hosted by the provider",
                Instant.parse("2025-04-01T00:00:00Z"),
                null),
            new ImportMapping.Disclosure(
                "group-companies",
                List.of("contact.email"),
                "marketing",
                "dpv:LegitimateInterest",
                null,
                null,
                "shared_on"));
    assertThat(mapping.columns()).containsExactly("email", "phone", "shared_on");
  }

  @Test
  void mappingWithoutDisclosures_recordsNone() throws IOException {
    assertThat(read(ImportFixture.MAPPING).disclosures()).isEmpty();
  }

  @Test
  void disclosureProblems_areLocatedAtTheirValuesOrItems() {
    String text =
        ImportFixture.MAPPING
            + """
            disclosures:
              - recipient: advertisers
                categories: [contact.email, health]
                purpose: spying
                legal_basis: dpv:Whim
                disclosed_at: last tuesday
              - recipient: it-providers
                categories: [contact.email]
                purpose: marketing
              - recipient: it-providers
                categories: []
                purpose: marketing
                disclosed_at: 2025-01-01
                disclosed_at_column: sent_on
                colour: blue
              - just a string
            """;

    assertThat(problems(text))
        .containsExactly(
            "mapping.yaml:17:16: error: 'advertisers' is not a recipient of the policy",
            "mapping.yaml:18:33: error: 'health' is not a category of the policy",
            "mapping.yaml:19:14: error: 'spying' is not a purpose of the policy",
            "mapping.yaml:20:18: error: 'dpv:Whim' is not a legal basis of the policy",
            "mapping.yaml:21:19: error: disclosed_at is an ISO date or date-time, e.g. 2025-03-01"
                + " or 2025-03-01T09:30:00Z; to read it from a column, use disclosed_at_column",
            "mapping.yaml:22:5: error: say when: disclosed_at (a fixed time) or"
                + " disclosed_at_column",
            "mapping.yaml:25:5: error: give disclosed_at or disclosed_at_column, not both",
            "mapping.yaml:26:17: error: name at least one category",
            "mapping.yaml:30:5: error: unknown key 'colour'",
            "mapping.yaml:31:5: error: a disclosure is a mapping with recipient, categories,"
                + " purpose and a time");
  }

  @Test
  void customIdentityType_declaredByThePolicy_isAccepted_andAnUndeclaredOneIsLocated()
      throws IOException {
    String declared = ImportFixture.MAPPING.replace("  name: name\n", "  card: loyalty_card\n");
    String undeclared =
        ImportFixture.MAPPING.replace("  name: name\n", "  member: membership_id\n");

    assertThat(read(declared).identities()).contains(new Column("card", "loyalty_card"));
    assertThat(problems(undeclared))
        .containsExactly(
            "mapping.yaml:11:11: error: 'membership_id' is not a built-in identity type nor one"
                + " the policy declares");
  }

  @Test
  void exampleAndBenchmarkMappings_readAgainstTheBundledPolicy() {
    Policy bundled =
        new PolicyChecker(Clock.systemUTC())
            .check(Path.of("src/main/resources/policy/bundled-policy.yaml"))
            .policy()
            .orElseThrow();
    MappingReader reader = new MappingReader(new PolicyVocabulary(FixedPolicies.of(bundled)));

    ImportMapping example = reader.read(Path.of("docs/examples/import-mapping.yaml"));
    ImportMapping bench = reader.read(Path.of("bench/subjects-mapping.yaml"));

    assertThat(example.disclosures())
        .extracting(ImportMapping.Disclosure::recipient)
        .containsExactly("crm-cloud", "group-companies");
    assertThat(bench.disclosures()).isEmpty();
  }
}
