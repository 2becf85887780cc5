package dev.steward.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Editors validate policy files with {@code docs/policy.schema.json}: every file the checker passes
 * must pass the schema too, or the editor flags a valid file. Checked with a JSON Schema 2020-12
 * validator, not by comparing keys.
 */
class PolicySchemaTest {
  private static final Path DOCS = Path.of("docs");
  private static final Schema SCHEMA = schema();

  static Stream<String> examples() throws IOException {
    try (Stream<Path> files = Files.list(DOCS.resolve("examples"))) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith("-policy.yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void schema_bundledPolicy_hasNoError() throws IOException {
    assertThat(errors(PolicyChecker.bundledText())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void schema_examplePolicy_hasNoError(String name) throws IOException {
    String text = Files.readString(DOCS.resolve("examples").resolve(name));

    assertThat(Fixtures.checker().check(name, text).errors()).isEmpty();
    assertThat(errors(text)).isEmpty();
  }

  @Test
  void schema_examples_includeTheEducationCompany() throws IOException {
    assertThat(examples()).contains("minimal-policy.yaml", "education-policy.yaml");
  }

  @Test
  void schema_dpoWithBothContactAndExternal_isAnError() throws IOException {
    String text =
        Fixtures.minimal()
            + "dpo: {entity: acme, contact: privacy, external: {name: X, email: x@example.org}}\n";

    assertThat(errors(text)).isNotEmpty();
  }

  @Test
  void schema_unknownKey_isAnError() throws IOException {
    String text = Fixtures.minimal().replace("legal_name: Acme", "legal_nmae: Acme");

    assertThat(errors(text)).isNotEmpty();
  }

  @Test
  void schema_unstatedReference_matchesOneBranchOnly() throws IOException {
    String text =
        Fixtures.minimal()
            + "systems:\n"
            + "  - {id: crm, name: CRM, owner: unstated, location: unstated, processor: unstated}\n";

    assertThat(errors(text)).isEmpty();
  }

  private static List<String> errors(String yaml) throws IOException {
    JsonNode document = new YAMLMapper().readTree(yaml);
    return SCHEMA.validate(document).stream().map(Error::toString).toList();
  }

  private static Schema schema() {
    try {
      JsonNode schema = new ObjectMapper().readTree(DOCS.resolve("policy.schema.json").toFile());
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(schema);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
