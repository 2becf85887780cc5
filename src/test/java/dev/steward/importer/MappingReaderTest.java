package dev.steward.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.importer.ImportMapping.Column;
import dev.steward.policy.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
