package dev.steward.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * JSON Schemas for the records the API reads and writes, derived from their components so the
 * OpenAPI document cannot drift from the code. Records become objects; every component is required
 * unless its type is {@link Optional} or it is annotated nullable by name convention.
 */
final class JsonSchemas {
  private final Map<String, Object> components = new LinkedHashMap<>();
  private final Map<Class<?>, String> names;

  /** Schemas for the records reachable from {@code roots}, each under a name of its own. */
  JsonSchemas(Collection<Class<?>> roots) {
    this.names = names(roots);
  }

  /**
   * A schema name per record reachable from {@code roots}: its simple name, or, where two records
   * share one (the intake's and the vault's {@code IdentityBody}), its feature and then its
   * enclosing class before it ({@code VaultIdentityBody}).
   *
   * @throws IllegalStateException when two records would still share a name
   */
  static Map<Class<?>, String> names(Collection<Class<?>> roots) {
    java.util.Set<Class<?>> records = new java.util.LinkedHashSet<>();
    roots.forEach(root -> collect(root, records));
    Map<String, List<Class<?>>> bySimpleName = new LinkedHashMap<>();
    for (Class<?> record : records) {
      bySimpleName.computeIfAbsent(record.getSimpleName(), n -> new ArrayList<>()).add(record);
    }
    Map<Class<?>, String> names = new LinkedHashMap<>();
    Map<String, Class<?>> owners = new LinkedHashMap<>();
    for (List<Class<?>> group : bySimpleName.values()) {
      java.util.function.Function<Class<?>, String> naming = JsonSchemas::byFeature;
      if (group.stream().map(JsonSchemas::byFeature).distinct().count() < group.size()) {
        naming = JsonSchemas::byEnclosingClass;
      }
      for (Class<?> record : group) {
        String name = group.size() == 1 ? record.getSimpleName() : naming.apply(record);
        Class<?> other = owners.putIfAbsent(name, record);
        if (other != null) {
          throw new IllegalStateException(
              "the API records "
                  + other.getName()
                  + " and "
                  + record.getName()
                  + " would share the schema name "
                  + name
                  + "; rename one");
        }
        names.put(record, name);
      }
    }
    return names;
  }

  /** {@code dev.steward.vault.SubjectRoutes.IdentityBody} → {@code VaultIdentityBody}. */
  private static String byFeature(Class<?> record) {
    String pkg = record.getPackageName();
    String feature = pkg.substring(pkg.lastIndexOf('.') + 1);
    return Character.toUpperCase(feature.charAt(0)) + feature.substring(1) + record.getSimpleName();
  }

  /** {@code SessionApi.IdentityBody} → {@code SessionApiIdentityBody}. */
  private static String byEnclosingClass(Class<?> record) {
    Class<?> outer = record.getEnclosingClass();
    return (outer == null ? "" : outer.getSimpleName()) + record.getSimpleName();
  }

  private static void collect(Type type, java.util.Set<Class<?>> records) {
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        collect(argument, records);
      }
      return;
    }
    if (type instanceof Class<?> cls && cls.isRecord() && records.add(cls)) {
      for (RecordComponent component : cls.getRecordComponents()) {
        collect(component.getGenericType(), records);
      }
    }
  }

  Map<String, Object> components() {
    return components;
  }

  Map<String, Object> ref(Class<?> type) {
    return schema(type);
  }

  private Map<String, Object> schema(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] args = parameterized.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return Map.of("type", "array", "items", schema(args[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return Map.of("type", "object", "additionalProperties", schema(args[1]));
      }
      if (raw == Optional.class) {
        return schema(args[0]);
      }
      return Map.of("type", "object");
    }
    Class<?> cls = (Class<?>) type;
    if (cls == String.class || cls == char.class) {
      return Map.of("type", "string");
    }
    if (cls == UUID.class) {
      return Map.of("type", "string", "format", "uuid");
    }
    if (cls == Instant.class || cls == OffsetDateTime.class) {
      return Map.of("type", "string", "format", "date-time");
    }
    if (cls == LocalDate.class) {
      return Map.of("type", "string", "format", "date");
    }
    if (cls == boolean.class || cls == Boolean.class) {
      return Map.of("type", "boolean");
    }
    if (cls == int.class || cls == long.class || cls == Integer.class || cls == Long.class) {
      return Map.of("type", "integer");
    }
    if (Number.class.isAssignableFrom(cls) || cls == double.class || cls == float.class) {
      return Map.of("type", "number");
    }
    if (cls.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object constant : cls.getEnumConstants()) {
        names.add(constant.toString());
      }
      return Map.of("type", "string", "enum", names);
    }
    if (cls.isRecord()) {
      String name = names.getOrDefault(cls, cls.getSimpleName());
      if (!components.containsKey(name)) {
        components.put(name, Map.of()); // placeholder guards against recursive records
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : cls.getRecordComponents()) {
          Map<String, Object> schema = schema(component.getGenericType());
          if (isRequired(component)) {
            required.add(component.getName());
          } else {
            // An optional component is written as null when absent, so null is valid too.
            schema = Map.of("anyOf", List.of(schema, Map.of("type", "null")));
          }
          properties.put(component.getName(), schema);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", "object");
        object.put("properties", properties);
        if (!required.isEmpty()) {
          object.put("required", required);
        }
        object.put("additionalProperties", false);
        components.put(name, object);
      }
      return Map.of("$ref", "#/components/schemas/" + name);
    }
    return Map.of("type", "object");
  }

  private static boolean isRequired(RecordComponent component) {
    return component.getType() != Optional.class
        && !component.isAnnotationPresent(OptionalField.class);
  }
}
