package dev.steward.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.steward.error.BadRequestException;
import dev.steward.error.InvalidInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/** The one JSON configuration of the API, and strict parsing of request bodies. */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads the body as {@code type}. Unreadable JSON is a 400; an unknown or ill-typed field is a
   * 422 that names the field. Nothing of the body is echoed back.
   */
  public static <T> T read(Context ctx, Class<T> type) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw new BadRequestException("a JSON body is required");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw new BadRequestException("a JSON object is required");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidInputException(
          "unknown field '" + e.getPropertyName() + "'",
          List.of(new InvalidInputException.FieldProblem(path(e), "not a field of this request")));
    } catch (JsonMappingException e) {
      if (e.getPath().isEmpty()) {
        throw new BadRequestException("the body is not the expected JSON object");
      }
      throw new InvalidInputException(
          "field '" + path(e) + "' has the wrong type or value",
          List.of(new InvalidInputException.FieldProblem(path(e), "wrong type or value")));
    } catch (JsonProcessingException e) {
      throw new BadRequestException(
          "the body is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException e) {
      throw new BadRequestException("the body could not be read");
    }
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
