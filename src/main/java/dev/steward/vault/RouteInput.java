package dev.steward.vault;

import dev.steward.error.BadRequestException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading path and query parameters and required body fields, with errors that name them. */
final class RouteInput {
  private static final Pattern DAYS = Pattern.compile("(\\d{1,4})d");

  private RouteInput() {}

  static UUID id(Context ctx, String name) {
    try {
      return UUID.fromString(ctx.pathParam(name));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("the " + name + " in the path is not a valid id");
    }
  }

  /** A body field the record type cannot make required by itself. */
  static <T> T require(T value, String field) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw new InvalidInputException(
          "field '" + field + "' is required", List.of(new FieldProblem(field, "is required")));
    }
    return value;
  }

  static String requiredQuery(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(
          "the query parameter '" + name + "' is required",
          List.of(new FieldProblem(name, "is required")));
    }
    return value.strip();
  }

  /** {@code 7d} or an ISO 8601 duration such as {@code P7D}; up to 3660 days. */
  static Duration duration(String value, String name) {
    Matcher days = DAYS.matcher(value);
    try {
      Duration parsed =
          days.matches() ? Duration.ofDays(Long.parseLong(days.group(1))) : Duration.parse(value);
      if (!parsed.isNegative() && parsed.toDays() <= 3660) {
        return parsed;
      }
    } catch (DateTimeParseException e) {
      // reported below with the accepted forms
    }
    throw new InvalidInputException(
        "the query parameter '" + name + "' must be a number of days such as 7d, or P7D");
  }

  static Instant instant(String value, String name, Instant otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "the query parameter '" + name + "' must be an RFC 3339 instant in UTC");
    }
  }

  static int limit(Context ctx) {
    String value = ctx.queryParam("limit");
    if (value == null || value.isBlank()) {
      return 100;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= 1000) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("the query parameter 'limit' must be between 1 and 1000");
  }
}
