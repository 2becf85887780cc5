package dev.steward.web;

import dev.steward.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages a form is shown again with: one per field, in the page's language, in the order the
 * fields were refused, for the summary at the top and the message beside each field. Immutable.
 */
public final class FormErrors {
  private static final FormErrors NONE = new FormErrors(new LinkedHashMap<>());
  private final Map<String, String> byField;

  private FormErrors(Map<String, String> byField) {
    this.byField = byField;
  }

  public static FormErrors none() {
    return NONE;
  }

  /** One message, for a field or, with field {@code ""}, the form as a whole. */
  public static FormErrors of(String field, String message) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(field, message);
    return new FormErrors(map);
  }

  /**
   * The service's refusal in the page's words: {@code <prefix>.error.<field>} where the bundle has
   * it; otherwise the service's own English message on an English page and a general request to
   * check the field on any other, so no English is left on a page in another language.
   */
  public static FormErrors from(InvalidInputException refusal, Text text, String prefix) {
    Map<String, String> map = new LinkedHashMap<>();
    List<InvalidInputException.FieldProblem> problems = refusal.problems();
    if (problems.isEmpty()) {
      map.put("", message(text, prefix, "", refusal.getMessage()));
    }
    for (InvalidInputException.FieldProblem problem : problems) {
      String field = problem.field() == null ? "" : problem.field();
      map.putIfAbsent(field, message(text, prefix, field, problem.message()));
    }
    return new FormErrors(map);
  }

  private static String message(Text text, String prefix, String field, String english) {
    String key = prefix + ".error." + (field.isEmpty() ? "form" : field);
    if (text.has(key)) {
      return text.get(key);
    }
    if (text.language() == PageLanguage.EN && english != null && !english.isBlank()) {
      return Character.toUpperCase(english.charAt(0)) + english.substring(1) + ".";
    }
    return text.get("web.error.check");
  }

  public boolean any() {
    return !byField.isEmpty();
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public String message(String field) {
    return byField.getOrDefault(field, "");
  }

  /** For the summary: field (the anchor to link to, {@code ""} for the form) and message. */
  public List<Map.Entry<String, String>> all() {
    return new ArrayList<>(byField.entrySet());
  }
}
