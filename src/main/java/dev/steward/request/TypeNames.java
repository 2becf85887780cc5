package dev.steward.request;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.RequestType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Request types as the API writes them: the policy file's lower-case names. */
final class TypeNames {
  /** Not a right: a question about data a business customer controls (its content). */
  static final String CUSTOMER_CONTENT_QUESTION = "customer_content_question";

  private TypeNames() {}

  static String id(RequestType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  static boolean isCustomerContentQuestion(String text) {
    return CUSTOMER_CONTENT_QUESTION.equals(text);
  }

  static RequestType parse(String text) {
    for (RequestType type : RequestType.values()) {
      if (id(type).equals(text)) {
        return type;
      }
    }
    String known =
        Arrays.stream(RequestType.values()).map(TypeNames::id).collect(Collectors.joining(", "));
    throw new InvalidInputException(
        text == null ? "type is required" : "'" + text + "' is not a request type",
        List.of(new FieldProblem("type", "one of " + known + ", or " + CUSTOMER_CONTENT_QUESTION)));
  }
}
