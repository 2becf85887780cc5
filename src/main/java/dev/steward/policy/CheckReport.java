package dev.steward.policy;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking a policy file: every problem in file and position order, and the policy
 * when there is no error.
 */
public record CheckReport(String source, List<Problem> problems, Optional<Policy> policy) {
  public CheckReport {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  public List<Problem> warnings() {
    return problems.stream().filter(problem -> !problem.isError()).toList();
  }

  /** The policy, or the exception listing why there is none. */
  public Policy orThrow() {
    return policy.orElseThrow(() -> new InvalidPolicyException(source, problems));
  }
}
