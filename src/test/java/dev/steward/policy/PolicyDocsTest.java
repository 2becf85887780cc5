package dev.steward.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The documentation's examples pass, and the JSON Schema accepts exactly the loader's keys. */
class PolicyDocsTest {
  private static final Path DOCS = Path.of("docs");

  @Test
  void check_minimalExample_hasNoProblem() {
    CheckReport report = Fixtures.checker().check(DOCS.resolve("examples/minimal-policy.yaml"));

    assertThat(report.problems()).isEmpty();
  }

  @Test
  void check_educationExample_hasNoProblem() {
    CheckReport report = Fixtures.checker().check(DOCS.resolve("examples/education-policy.yaml"));

    assertThat(report.problems()).isEmpty();
  }

  @Test
  void educationExample_statesWhatTheBundledPolicyCannot() {
    Policy policy = Fixtures.checker().loadValid(DOCS.resolve("examples/education-policy.yaml"));
    Jurisdiction gdpr = policy.jurisdiction("gdpr").orElseThrow();

    assertThat(policy.directedAtChildren()).isTrue();
    assertThat(policy.dpo().orElseThrow().external())
        .map(Dpo.External::organisation)
        .contains(Optional.of("Datenschutzberatung Muster GmbH"));
    assertThat(gdpr.parentalConsentAge("AT")).hasValue(14);
    assertThat(gdpr.parentalConsentAge("DE")).hasValue(16);
    assertThat(policy.retentionRules())
        .extracting(RetentionRule::start)
        .contains(
            RetentionRule.Start.LAST_SIGN_IN,
            RetentionRule.Start.DECISION,
            RetentionRule.Start.FINANCIAL_YEAR_END);
    assertThat(policy.systems()).extracting(DataSystem::location).contains("EU", "EEA");
  }

  @Test
  void check_examplesInPolicyMd_haveNoProblem() throws IOException {
    List<String> examples = new ArrayList<>();
    Matcher block =
        Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL)
            .matcher(Files.readString(DOCS.resolve("policy.md")));
    while (block.find()) {
      if (block.group(1).contains("\nversion:") || block.group(1).startsWith("version:")) {
        examples.add(block.group(1));
      }
    }

    assertThat(examples).isNotEmpty();
    assertThat(examples).allSatisfy(yaml -> assertThat(Fixtures.check(yaml).problems()).isEmpty());
  }

  @Test
  void schema_topLevelKeys_matchTheLoader() throws IOException {
    JsonNode schema = schema();

    assertThat(names(schema.get("properties"))).isEqualTo(Shape.allowed("policy"));
    assertThat(strings(schema.get("required"))).isEqualTo(Shape.required("policy"));
  }

  @Test
  void schema_everyDefinitionsKeys_matchTheLoader() throws IOException {
    JsonNode defs = schema().get("$defs");
    Set<String> objectDefs = new TreeSet<>();
    defs.properties()
        .forEach(
            def -> {
              if (def.getValue().has("properties")) {
                objectDefs.add(def.getKey());
              }
            });
    Set<String> shapes = new TreeSet<>(Shape.definitions());
    shapes.remove("policy");

    assertThat(objectDefs).isEqualTo(shapes);
    for (String shape : shapes) {
      JsonNode def = defs.get(shape);
      assertThat(names(def.get("properties"))).as(shape).isEqualTo(Shape.allowed(shape));
      assertThat(strings(def.get("required"))).as(shape).isEqualTo(Shape.required(shape));
      assertThat(def.get("additionalProperties").asBoolean(true)).as(shape).isFalse();
    }
  }

  private static JsonNode schema() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(DOCS.resolve("policy.schema.json").toFile());
    assertThat(schema.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    return schema;
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new TreeSet<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
