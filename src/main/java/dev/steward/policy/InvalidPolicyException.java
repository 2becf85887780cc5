package dev.steward.policy;

import dev.steward.error.InvalidInputException;
import java.util.List;

/**
 * A policy file has errors. Carries every located problem found (warnings included), so that the
 * CLI and the API can show them all at once.
 */
public class InvalidPolicyException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> located;

  public InvalidPolicyException(String source, List<Problem> located) {
    super(
        "invalid-policy",
        422,
        source + " has " + located.stream().filter(Problem::isError).count() + " error(s)",
        located.stream()
            .filter(Problem::isError)
            .map(p -> new FieldProblem(p.file() + ":" + p.line() + ":" + p.column(), p.message()))
            .toList());
    this.located = List.copyOf(located);
  }

  /** Every problem, in file and position order. */
  public List<Problem> located() {
    return located;
  }
}
