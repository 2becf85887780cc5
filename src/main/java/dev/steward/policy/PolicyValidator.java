package dev.steward.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and checks a policy file, reporting all problems at once: YAML syntax, the shape of every
 * section, ids and references, and the legal rules. Stateless apart from its clock; thread-safe.
 */
final class PolicyValidator {
  private final Clock clock;

  PolicyValidator(Clock clock) {
    this.clock = clock;
  }

  CheckReport validate(Path file) {
    List<Problem> problems = new ArrayList<>();
    return validate(file.toString(), PolicyFiles.load(file, problems), problems);
  }

  CheckReport validate(String name, String text) {
    List<Problem> problems = new ArrayList<>();
    return validate(name, PolicyFiles.loadText(name, text, problems), problems);
  }

  private CheckReport validate(String source, Node.Mapping root, List<Problem> problems) {
    Policy policy = null;
    if (root != null) {
      Binding binding = new Binding(problems);
      policy = PolicyBinder.bind(root, binding);
      new ReferenceRules(binding).check(policy);
      new LegalBasisRules(binding).check(policy);
      new TransferRules(binding).check(policy);
      new PracticeRules(binding).check(policy);
      new CalendarRules(binding, clock).check(policy);
      UnstatedValues.check(root, "policy", binding);
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Problem.BY_POSITION);
    boolean valid = root != null && sorted.stream().noneMatch(Problem::isError);
    return new CheckReport(source, sorted, valid ? Optional.of(policy) : Optional.empty());
  }
}
