package dev.steward.policy;

import java.util.List;
import java.util.Optional;

/**
 * A collection form posted through Steward: which field carries which category, for which purposes.
 *
 * @param consentField the checkbox field that records consent, for forms with a consent purpose
 */
public record Form(
    String id,
    String name,
    List<Field> fields,
    List<String> purposes,
    Optional<String> consentField) {

  public Form {
    fields = List.copyOf(fields);
    purposes = List.copyOf(purposes);
  }

  public record Field(String name, List<String> categories, boolean required) {
    public Field {
      categories = List.copyOf(categories);
    }
  }
}
