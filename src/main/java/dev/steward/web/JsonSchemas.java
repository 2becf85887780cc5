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
      String name = cls.getSimpleName();
      if (!components.containsKey(name)) {
        components.put(name, Map.of()); // placeholder guards against recursive records
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : cls.getRecordComponents()) {
          properties.put(component.getName(), schema(component.getGenericType()));
          if (isRequired(component)) {
            required.add(component.getName());
          }
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
