package dev.steward.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document, built from the {@link RouteRegistry}: one operation per route, with its
 * permission as the bearer scope (an explicit empty security for public routes; the bearer scheme
 * without scopes and {@code x-steward-subject-session} for subject-session routes), its body and
 * answer schemas, and the problem+json answers every route can give.
 */
final class OpenApi {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

  private OpenApi() {}

  static Map<String, Object> document(RouteRegistry registry, String version) {
    JsonSchemas schemas = new JsonSchemas(bodyTypes(registry));
    Map<String, Object> paths = new TreeMap<>();
    for (ApiRoute route : registry.routes()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
      item.put(route.method().name().toLowerCase(java.util.Locale.ROOT), operation(route, schemas));
    }
    Map<String, Object> components = new LinkedHashMap<>();
    Map<String, Object> allSchemas = new LinkedHashMap<>(schemas.components());
    allSchemas.put("Problem", problemSchema());
    components.put("schemas", allSchemas);
    components.put(
        "securitySchemes",
        Map.of("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "opaque")));

    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put(
        "info",
        Map.of(
            "title",
            "Steward API",
            "version",
            version,
            "description",
            "Privacy operations: policy, subjects, rights requests and the audit log."));
    doc.put("paths", paths);
    doc.put("components", components);
    return doc;
  }

  /**
   * Fails when two records of the API would share a schema name, so the document never describes
   * one route's body with another's; called at start-up.
   *
   * @throws IllegalStateException naming the records
   */
  static void checkSchemaNames(RouteRegistry registry) {
    JsonSchemas.names(bodyTypes(registry));
  }

  private static List<Class<?>> bodyTypes(RouteRegistry registry) {
    List<Class<?>> types = new ArrayList<>();
    for (ApiRoute route : registry.routes()) {
      if (route.requestType() != null) {
        types.add(route.requestType());
      }
      if (route.responseType() != null) {
        types.add(route.responseType());
      }
    }
    return types;
  }

  private static Map<String, Object> operation(ApiRoute route, JsonSchemas schemas) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", route.operationId());
    op.put("summary", route.summary());
    op.put("tags", List.of(route.tag()));
    Access access = route.access();
    if (access.isPublic()) {
      op.put("security", List.of());
      op.put("x-steward-public", access.publicKind().name().toLowerCase(java.util.Locale.ROOT));
    } else if (access.isSubjectSession()) {
      op.put("security", List.of(Map.of("bearer", List.of())));
      op.put("x-steward-subject-session", true);
    } else {
      op.put("security", List.of(Map.of("bearer", List.of(access.permission().scope()))));
      op.put("x-steward-permission", access.permission().scope());
    }
    if (route.allowedOriginsOnly()) {
      op.put("x-steward-allowed-origins-only", true);
    }
    List<Map<String, Object>> parameters = new ArrayList<>();
    Matcher matcher = PATH_PARAM.matcher(route.path());
    while (matcher.find()) {
      parameters.add(
          Map.of(
              "name",
              matcher.group(1),
              "in",
              "path",
              "required",
              true,
              "schema",
              Map.of("type", "string")));
    }
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    if (route.requestType() != null) {
      op.put(
          "requestBody",
          Map.of("required", true, "content", Map.of("application/json", body(route, schemas))));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    Map<String, Object> success = new LinkedHashMap<>();
    success.put("description", "Success");
    if (route.responseType() != null) {
      success.put(
          "content",
          Map.of(route.responseMediaType(), Map.of("schema", schemas.ref(route.responseType()))));
    } else {
      success.put("content", Map.of(route.responseMediaType(), Map.of()));
    }
    responses.put(Integer.toString(route.successStatus()), success);
    responses.put(
        "default",
        Map.of(
            "description",
            "A problem (RFC 9457)",
            "content",
            Map.of(
                Problems.MEDIA_TYPE,
                Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
    op.put("responses", responses);
    return op;
  }

  private static Map<String, Object> body(ApiRoute route, JsonSchemas schemas) {
    Map<String, Object> media = new LinkedHashMap<>();
    media.put("schema", schemas.ref(route.requestType()));
    if (route.example() != null) {
      try {
        media.put(
            "examples",
            Map.of(
                "default",
                Map.of("value", Json.mapper().readValue(route.example(), Object.class))));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(
            "the example of " + route.operationId() + " is not JSON", e);
      }
    }
    return media;
  }

  private static Map<String, Object> problemSchema() {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> types = Problems.knownKinds().stream().map(Problems::type).toList();
    properties.put("type", Map.of("type", "string", "enum", types));
    properties.put("title", Map.of("type", "string"));
    properties.put("status", Map.of("type", "integer"));
    properties.put("detail", Map.of("type", "string"));
    properties.put("instance", Map.of("type", "string"));
    properties.put(
        "errors",
        Map.of(
            "type",
            "array",
            "items",
            Map.of(
                "type",
                "object",
                "properties",
                Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string")))));
    return Map.of(
        "type", "object", "properties", properties, "required", List.of("type", "title", "status"));
  }
}
