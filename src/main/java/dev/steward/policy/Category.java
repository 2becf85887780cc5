package dev.steward.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A data category in the category tree. Ids are dotted paths: a child of {@code contact} is named
 * {@code contact.email}.
 *
 * @param special GDPR Art. 9 data (health, beliefs, biometrics ...)
 * @param criminal GDPR Art. 10 data about criminal convictions and offences
 * @param art9Condition the Art. 9(2) condition relied on, present whenever {@code special} is
 */
public record Category(
    String id,
    String name,
    boolean special,
    boolean criminal,
    Optional<String> art9Condition,
    List<Category> children) {

  public Category {
    children = List.copyOf(children);
  }

  /** This category and all its descendants, parents first. */
  public List<Category> flatten() {
    List<Category> all = new ArrayList<>();
    all.add(this);
    for (Category child : children) {
      all.addAll(child.flatten());
    }
    return all;
  }

  /** True when {@code otherId} is this category or one of its descendants. */
  public boolean covers(String otherId) {
    return otherId.equals(id) || otherId.startsWith(id + ".");
  }
}
