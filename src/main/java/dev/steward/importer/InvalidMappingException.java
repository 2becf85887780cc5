package dev.steward.importer;

import dev.steward.error.InvalidInputException;
import dev.steward.policy.Problem;
import java.util.List;

/** An import mapping cannot be used; carries every problem found, each located in the file. */
public class InvalidMappingException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> located;

  public InvalidMappingException(String source, List<Problem> located) {
    super(
        "invalid-mapping",
        422,
        source + " has " + located.size() + " error(s)",
        located.stream()
            .map(p -> new FieldProblem(p.file() + ":" + p.line() + ":" + p.column(), p.message()))
            .toList());
    this.located = List.copyOf(located);
  }

  /** Every problem, in position order, formatted by {@link Problem#format()}. */
  public List<Problem> located() {
    return located;
  }
}
