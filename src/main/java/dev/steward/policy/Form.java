package dev.steward.policy;

import java.util.List;
import java.util.Optional;

/**
 * A collection form posted through Steward: which field carries which category, for which purposes.
 *
 * @param consentField the checkbox field that records consent, for forms with a consent purpose
 * @param subjectType the kind of person who submits it; see {@link #subjectTypeIn}
 * @param source the source recorded on what it collects; see {@link #sourceIn}
 * @param system the system recorded as holding what it collects; see {@link #systemIn}
 */
public record Form(
    String id,
    String name,
    List<Field> fields,
    List<String> purposes,
    Optional<String> consentField,
    Optional<String> subjectType,
    Optional<String> source,
    Optional<String> system) {

  public Form {
    fields = List.copyOf(fields);
    purposes = List.copyOf(purposes);
  }

  /**
   * The declared subject type: the kind of person the form collects from, which decides how their
   * letters are worded (a customer's representative is asked for a replacement contact, a visitor
   * is not). Every form must declare it; it is never guessed from the purposes.
   */
  public Optional<String> subjectTypeIn(Policy policy) {
    return subjectType;
  }

  /** The declared source, else the policy's first direct source: a form is direct collection. */
  public Optional<String> sourceIn(Policy policy) {
    return source.or(
        () ->
            policy.sources().stream()
                .filter(candidate -> !candidate.startsNoticeClock())
                .map(Source::id)
                .findFirst());
  }

  /** The declared system, else the policy's first system. */
  public Optional<String> systemIn(Policy policy) {
    return system.or(() -> policy.systems().stream().map(DataSystem::id).findFirst());
  }

  public Optional<Field> field(String name) {
    return fields.stream().filter(field -> field.name().equals(name)).findFirst();
  }

  public record Field(String name, List<String> categories, boolean required) {
    public Field {
      categories = List.copyOf(categories);
    }
  }
}
