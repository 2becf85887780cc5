package dev.steward.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.steward.app.TestNodes;
import dev.steward.principal.Permission;
import dev.steward.store.Engine;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is a contract: every documented example body, sent to its route on a test
 * node, is taken, and every answer matches the schema the document gives for it. Schema names are
 * unique, so no route is described with another's body.
 */
class OpenApiContractTest {
  private static TestNodes.Running running;
  private static String admin;
  private static JsonNode document;

  @BeforeAll
  static void start() throws Exception {
    running = TestNodes.start(TestNodes.config(Engine.H2, TestNodes.http()));
    admin =
        running.adminToken(
            Arrays.stream(Permission.values()).map(Permission::scope).toArray(String[]::new));
    document = Json.mapper().readTree(running.get("/api/openapi.json", admin).body());
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void everyDocumentedExample_isTakenByItsRoute_andItsAnswerMatchesTheDocumentedSchema() {
    List<String> checked = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        JsonNode example =
            op.getValue()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("examples")
                .path("default")
                .path("value");
        if (example.isMissingNode()) {
          continue;
        }
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        checked.add(name);
        String token = op.getValue().path("security").isEmpty() ? null : admin;
        HttpResponse<String> answer =
            running.json(op.getKey().toUpperCase(), path.getKey(), token, example.toString());
        String status = Integer.toString(answer.statusCode());
        JsonNode documented = op.getValue().path("responses").path(status);
        if (documented.isMissingNode()) {
          broken.add(name + ": answered " + status + " " + answer.body());
          continue;
        }
        JsonNode schema = documented.path("content").path("application/json").path("schema");
        if (!schema.isMissingNode() && !schema.isEmpty()) {
          List<String> errors = validate(schema, answer.body());
          if (!errors.isEmpty()) {
            broken.add(name + ": " + errors + " in " + answer.body());
          }
        }
      }
    }
    assertThat(broken).isEmpty();
    assertThat(checked)
        .contains("POST /api/v1/subjects/search", "POST /api/v1/requests", "POST /api/v1/users");
  }

  @Test
  void subjectSearch_isDocumentedWithTheIdentityTheRouteTakes() {
    JsonNode schemas = document.get("components").get("schemas");
    String searchRef =
        document
            .at("/paths/~1api~1v1~1subjects~1search/post/requestBody/content/application~1json")
            .get("schema")
            .get("$ref")
            .asText();
    JsonNode search = schemas.get(searchRef.substring(searchRef.lastIndexOf('/') + 1));
    String identityRef = search.get("properties").get("identity").get("$ref").asText();
    JsonNode identity = schemas.get(identityRef.substring(identityRef.lastIndexOf('/') + 1));

    assertThat(identity.get("properties").fieldNames())
        .toIterable()
        .containsExactly("type", "value");
  }

  @Test
  void schemaNames_twoRecordsWithOneSimpleName_getNamesOfTheirOwn() {
    Map<Class<?>, String> names =
        JsonSchemas.names(List.of(SameName.Intake.class, OtherName.Intake.class));

    assertThat(names.values()).doesNotHaveDuplicates().hasSize(2);
  }

  @Test
  void schemaNames_thatWouldStillCollide_failNamingBothRecords() {
    assertThatThrownBy(
            () ->
                JsonSchemas.names(
                    List.of(SameName.Inner.Identity.class, OtherName.Inner.Identity.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SameName$Inner$Identity")
        .hasMessageContaining("OtherName$Inner$Identity");
  }

  private static List<String> validate(JsonNode schema, String body) {
    try {
      ObjectNode root = ((ObjectNode) schema.deepCopy());
      root.set("components", document.get("components"));
      Schema compiled =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root);
      return compiled.validate(Json.mapper().readTree(body)).stream().map(Error::toString).toList();
    } catch (Exception e) {
      return List.of(e.toString());
    }
  }

  /** Two features' records sharing simple names, as the vault's and the intake's IdentityBody. */
  static final class SameName {
    record Intake(String email) {}

    static final class Inner {
      record Identity(String type) {}
    }
  }

  static final class OtherName {
    record Intake(String type, String value) {}

    static final class Inner {
      record Identity(String value) {}
    }
  }
}
