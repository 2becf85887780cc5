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
 * @param aboutOthers holds data about people other than the subject found in the subject's records
 *     (a referee's views, a co-worker named in a ticket); empty when the file does not say, so the
 *     parent's setting applies
 * @param discloseInAccess whether an access package shows the items; empty when the file does not
 *     say (then: not when about others, GDPR Art. 15(4))
 */
public record Category(
    String id,
    String name,
    boolean special,
    boolean criminal,
    Optional<String> art9Condition,
    Optional<Boolean> aboutOthers,
    Optional<Boolean> discloseInAccess,
    List<Category> children) {

  public Category {
    children = List.copyOf(children);
  }

  public Category(
      String id,
      String name,
      boolean special,
      boolean criminal,
      Optional<String> art9Condition,
      List<Category> children) {
    this(id, name, special, criminal, art9Condition, Optional.empty(), Optional.empty(), children);
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
    return covers(id, otherId);
  }

  /** True when {@code id} names the category {@code ancestorId} or one of its descendants. */
  public static boolean covers(String ancestorId, String id) {
    return id.equals(ancestorId) || id.startsWith(ancestorId + ".");
  }
}
