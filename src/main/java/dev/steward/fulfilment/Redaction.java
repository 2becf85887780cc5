package dev.steward.fulfilment;

import dev.steward.policy.Category;
import dev.steward.policy.Policy;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an access package shows, as the policy's categories say: items of a category {@code
 * about_others} are redacted (GDPR Art. 15(4): the right to a copy must not adversely affect the
 * rights of others) unless the policy sets {@code disclose_in_access: true}; {@code
 * disclose_in_access: false} redacts any category. A category that does not say takes the nearest
 * ancestor's setting.
 */
final class Redaction {
  private Redaction() {}

  static boolean redacted(Policy policy, String categoryId) {
    Optional<Boolean> disclose = inherited(policy, categoryId, Category::discloseInAccess);
    boolean aboutOthers = inherited(policy, categoryId, Category::aboutOthers).orElse(false);
    return !disclose.orElse(!aboutOthers);
  }

  /** The setting of the category or of its nearest ancestor that has one. */
  private static Optional<Boolean> inherited(
      Policy policy, String categoryId, Function<Category, Optional<Boolean>> setting) {
    String id = categoryId;
    while (true) {
      Optional<Boolean> value = policy.category(id).flatMap(setting);
      if (value.isPresent()) {
        return value;
      }
      int dot = id.lastIndexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      id = id.substring(0, dot);
    }
  }
}
