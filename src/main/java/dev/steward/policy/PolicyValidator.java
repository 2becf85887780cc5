package dev.steward.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Checks the file and returns, with the report, the exact texts that were read. */
  Snapshotted validateWithSnapshot(Path file) {
    List<Problem> problems = new ArrayList<>();
    PolicyFiles.Loaded loaded = PolicyFiles.read(file, problems);
    CheckReport report = validate(file.toString(), loaded.root(), problems);
    Map<String, String> texts = new LinkedHashMap<>();
    loaded.texts().forEach((path, text) -> texts.put(path.toString(), text));
    Optional<PolicySnapshot> snapshot =
        loaded.root() == null
            ? Optional.empty()
            : Optional.of(new PolicySnapshot(file.normalize().toString(), texts));
    return new Snapshotted(report, snapshot);
  }

  record Snapshotted(CheckReport report, Optional<PolicySnapshot> snapshot) {}

  /**
   * Checks a snapshot. Without {@code checkCalendars} (a stored, published policy) it stays
   * loadable whatever today's date and whatever the jollyday version: the calendar checks were made
   * at publication, a date beyond a calendar's data is refused when it is computed ({@code
   * CalendarNotCoveredException}), and a calendar that cannot be built stops only the clocks
   * counted on it ({@code CalendarUnusableException}).
   */
  CheckReport validate(PolicySnapshot snapshot, boolean checkCalendars) {
    List<Problem> problems = new ArrayList<>();
    return validate(
        snapshot.mainFile(), PolicyFiles.load(snapshot, problems), problems, checkCalendars);
  }

  /** The findings of the calendar checks alone, on a policy already read, unlocated. */
  List<Problem> calendarFindings(Policy policy) {
    List<Problem> problems = new ArrayList<>();
    new CalendarRules(new Binding(problems), clock).check(policy);
    return problems;
  }

  CheckReport validate(String name, String text) {
    List<Problem> problems = new ArrayList<>();
    return validate(name, PolicyFiles.loadText(name, text, problems), problems);
  }

  private CheckReport validate(String source, Node.Mapping root, List<Problem> problems) {
    return validate(source, root, problems, true);
  }

  private CheckReport validate(
      String source, Node.Mapping root, List<Problem> problems, boolean checkCalendars) {
    Policy policy = null;
    if (root != null) {
      Binding binding = new Binding(problems);
      policy = PolicyBinder.bind(root, binding);
      new ReferenceRules(binding).check(policy);
      new LegalBasisRules(binding).check(policy);
      new TransferRules(binding).check(policy);
      new PracticeRules(binding).check(policy);
      new ChildrenRules(binding).check(policy);
      new DoubleOptInRules(binding).check(policy);
      new CommitmentRules(binding).check(policy);
      new TranslationRules(binding).check(root, policy);
      if (checkCalendars) {
        new CalendarRules(binding, clock).check(policy);
      }
      UnstatedValues.check(root, "policy", binding);
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Problem.BY_POSITION);
    boolean valid = root != null && sorted.stream().noneMatch(Problem::isError);
    return new CheckReport(source, sorted, valid ? Optional.of(policy) : Optional.empty());
  }
}
