package dev.steward.vault;

import dev.steward.policy.Category;
import dev.steward.policy.CustomIdentityType;
import dev.steward.policy.DataSystem;
import dev.steward.policy.LegalBasis;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.Purpose;
import dev.steward.policy.Recipient;
import dev.steward.policy.Source;
import dev.steward.policy.SubjectType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The vault's vocabulary as the policy in force declares it, so a record can only name a category,
 * purpose, source, system, recipient or custom identity type the policy knows. Follows new
 * publications. Thread-safe.
 */
public final class PolicyVocabulary implements VaultVocabulary {
  private final PublishedPolicies policies;

  public PolicyVocabulary(PublishedPolicies policies) {
    this.policies = policies;
  }

  @Override
  public boolean knows(Term term, String id) {
    Policy policy = policies.current().policy();
    return switch (term) {
      case SUBJECT_TYPE -> has(policy.subjectTypes(), SubjectType::id, id);
      case CATEGORY -> has(policy.allCategories(), Category::id, id);
      case PURPOSE -> has(policy.purposes(), Purpose::id, id);
      case SOURCE -> has(policy.sources(), Source::id, id);
      case SYSTEM -> has(policy.systems(), DataSystem::id, id);
      case LEGAL_BASIS -> LegalBasis.isKnown(id);
      case IDENTITY_TYPE -> has(policy.identityTypes(), CustomIdentityType::id, id);
      case RECIPIENT -> has(policy.recipients(), Recipient::id, id);
      case INDIRECT_SOURCE ->
          policy.sources().stream()
              .anyMatch(source -> source.id().equals(id) && source.startsNoticeClock());
    };
  }

  @Override
  public List<String> beyondDeclared(
      String recipient, Collection<String> categories, String purpose) {
    Optional<Recipient> declared =
        policies.current().policy().recipients().stream()
            .filter(candidate -> candidate.id().equals(recipient))
            .findFirst();
    if (declared.isEmpty()) {
      return List.of();
    }
    TreeSet<String> beyond = new TreeSet<>();
    List<String> declaredCategories = declared.get().categories();
    if (!declaredCategories.isEmpty()) {
      for (String category : categories) {
        if (declaredCategories.stream().noneMatch(d -> Category.covers(d, category))) {
          beyond.add("category:" + category);
        }
      }
    }
    List<String> declaredPurposes = declared.get().purposes();
    if (!declaredPurposes.isEmpty() && !declaredPurposes.contains(purpose)) {
      beyond.add("purpose:" + purpose);
    }
    return List.copyOf(beyond);
  }

  private static <T> boolean has(java.util.List<T> items, Function<T, String> idOf, String id) {
    return items.stream().anyMatch(item -> idOf.apply(item).equals(id));
  }
}
