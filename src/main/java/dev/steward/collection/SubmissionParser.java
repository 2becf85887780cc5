package dev.steward.collection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.error.BadRequestException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.StewardException;
import dev.steward.web.Json;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a submission from a JSON object or from {@code application/x-www-form-urlencoded} (a plain
 * HTML form). Values are text; JSON booleans and numbers are taken as their text. Nothing of the
 * body is echoed back in an error.
 */
final class SubmissionParser {
  private SubmissionParser() {}

  static Submission parse(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("application/json")) {
      return json(ctx.bodyAsBytes());
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return form(ctx.formParamMap());
    }
    throw new StewardException(
        "unsupported-media-type",
        415,
        "send the form as application/json or application/x-www-form-urlencoded");
  }

  private static Submission json(byte[] body) {
    JsonNode root = Json.readTree(body);
    if (root == null || !root.isObject()) {
      throw new BadRequestException("the body must be a JSON object of form fields");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    root.fields()
        .forEachRemaining(
            field -> {
              JsonNode value = field.getValue();
              if (value.isValueNode() && !value.isNull()) {
                fields.put(field.getKey(), value.asText());
              } else if (!value.isNull()) {
                problems.add(new FieldProblem(field.getKey(), "must be text, a number or true"));
              }
            });
    refuse(problems);
    return new Submission(fields);
  }

  private static Submission form(Map<String, List<String>> params) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    params.forEach(
        (name, values) -> {
          if (values.size() == 1) {
            fields.put(name, values.get(0));
          } else {
            problems.add(new FieldProblem(name, "was sent more than once"));
          }
        });
    refuse(problems);
    return new Submission(fields);
  }

  private static void refuse(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the submission has malformed fields", problems);
    }
  }
}
