package dev.steward.error;

import java.util.List;

/**
 * What the caller sent cannot be used: malformed, missing a field, naming something unknown. The
 * optional list of field problems lets the edge report every problem at once.
 */
public class InvalidInputException extends StewardException {
  private final List<FieldProblem> problems;

  public InvalidInputException(String message) {
    this("invalid-input", 422, message, List.of());
  }

  public InvalidInputException(String message, List<FieldProblem> problems) {
    this("invalid-input", 422, message, problems);
  }

  protected InvalidInputException(
      String kind, int status, String message, List<FieldProblem> problems) {
    super(kind, status, message);
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** One problem with one field of the input; {@code field} is a JSON-pointer-like path. */
  public record FieldProblem(String field, String message) {}
}
