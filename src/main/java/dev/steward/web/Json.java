package dev.steward.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.steward.error.BadRequestException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one JSON configuration of the API, and strict parsing of request bodies: unknown fields,
 * trailing tokens and a key given twice in one object are refused, and numbers and nesting are
 * bounded, so that what a handler sees is exactly what the caller meant.
 */
public final class Json {
  /** No body or stored document Steward reads nests deeper than a handful of levels. */
  static final int MAX_NESTING_DEPTH = 100;

  /** No number Steward reads needs more digits; longer ones only cost parsing time. */
  static final int MAX_NUMBER_LENGTH = 100;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .maxNumberLength(MAX_NUMBER_LENGTH)
                          .build())
                  .build())
          .addModule(new JavaTimeModule())
          .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // Without it the last of two equal keys silently wins: {"type":"access","type":"erasure"}
          // was taken as an erasure.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads the body as {@code type}. Unreadable JSON, or JSON past the limits on numbers and
   * nesting, is a 400; an unknown, repeated or ill-typed field is a 422 that names the field.
   * Nothing of the body is echoed back.
   */
  public static <T> T read(Context ctx, Class<T> type) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw new BadRequestException("a JSON body is required");
    }
    T value;
    try {
      value = MAPPER.readValue(body, type);
    } catch (IOException e) {
      throw refusal(e);
    }
    if (value == null) {
      throw new BadRequestException("a JSON object is required");
    }
    return value;
  }

  /** Reads a body as a tree, refusing it as {@link #read} does; an empty body is a missing node. */
  public static JsonNode readTree(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw refusal(e);
    }
  }

  /**
   * Binds a tree read by {@link #readTree} to {@code type}, refusing unknown, repeated or ill-typed
   * fields as {@link #read} does, for routes that look at a body's shape before binding it.
   */
  public static <T> T convert(JsonNode tree, Class<T> type) {
    T value;
    try {
      value = MAPPER.treeToValue(tree, type);
    } catch (IOException e) {
      throw refusal(e);
    }
    if (value == null) {
      throw new BadRequestException("a JSON object is required");
    }
    return value;
  }

  /** What the caller is told of a body that could not be read; never a part of the body. */
  private static InvalidInputException refusal(IOException e) {
    if (causedBy(e, StreamConstraintsException.class) != null) {
      return new BadRequestException(
          "the body is beyond the limits of the JSON Steward reads, such as numbers of at most "
              + MAX_NUMBER_LENGTH
              + " digits and "
              + MAX_NESTING_DEPTH
              + " levels of nesting");
    }
    JsonParseException parse = causedBy(e, JsonParseException.class);
    if (parse != null && isDuplicateKey(parse)) {
      String field = duplicatePath(parse);
      return new InvalidInputException(
          "field '" + field + "' is given more than once",
          List.of(new FieldProblem(field, "was sent more than once")));
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new InvalidInputException(
          "unknown field '" + unknown.getPropertyName() + "'",
          List.of(new FieldProblem(path(unknown), "not a field of this request")));
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return new InvalidInputException(
          "field '" + path(mapping) + "' has the wrong type or value",
          List.of(new FieldProblem(path(mapping), "wrong type or value")));
    }
    if (e instanceof JsonMappingException) {
      return new BadRequestException("the body is not the expected JSON object");
    }
    if (e instanceof JsonProcessingException processing && processing.getLocation() != null) {
      return new BadRequestException(
          "the body is not valid JSON (line "
              + processing.getLocation().getLineNr()
              + ", column "
              + processing.getLocation().getColumnNr()
              + ")");
    }
    if (e instanceof JsonProcessingException) {
      return new BadRequestException("the body is not valid JSON");
    }
    return new BadRequestException("the body could not be read");
  }

  /**
   * Jackson 2 reports a repeated key only through this message, with no exception type of its own.
   */
  private static boolean isDuplicateKey(JsonParseException e) {
    String message = e.getOriginalMessage();
    return message != null
        && message.startsWith("Duplicate field '")
        && e.getProcessor() instanceof JsonParser;
  }

  /** The repeated key's path: the parser stopped on it, so its context names every level. */
  private static String duplicatePath(JsonParseException e) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext context = ((JsonParser) e.getProcessor()).getParsingContext();
        context != null && !context.inRoot();
        context = context.getParent()) {
      parts.addFirst(
          context.inArray()
              ? "[" + context.getCurrentIndex() + "]"
              : String.valueOf(context.getCurrentName()));
    }
    return String.join(".", parts);
  }

  private static <E extends Throwable> E causedBy(Throwable e, Class<E> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
