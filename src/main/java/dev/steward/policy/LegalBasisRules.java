package dev.steward.policy;

import java.util.regex.Pattern;

/**
 * Rules on why data may be processed: bases are DPV ids, consent can be withdrawn, legitimate
 * interest comes with the right to object, special-category data names its Art. 9 condition.
 */
final class LegalBasisRules {
  private static final Pattern ART9_CONDITION = Pattern.compile("art9_2_[a-j]");

  private final Binding binding;

  LegalBasisRules(Binding binding) {
    this.binding = binding;
  }

  void check(Policy policy) {
    for (Purpose purpose : policy.purposes()) {
      for (int i = 0; i < purpose.legalBases().size(); i++) {
        String basis = purpose.legalBases().get(i);
        if (!LegalBasis.isKnown(basis)) {
          binding.add(
              binding
                  .element(purpose, "legal_bases", i)
                  .error(
                      "'" + basis + "' is not a W3C DPV legal basis",
                      Suggestions.hint(basis, LegalBasis.known())));
        }
      }
      if (purpose.isConsentBased() && purpose.withdrawal().isEmpty()) {
        binding.add(
            binding
                .originOf(purpose)
                .keyLocation("legal_bases")
                .error(
                    "purpose '"
                        + purpose.id()
                        + "' relies on consent but names no withdrawal route",
                    "add 'withdrawal: [unsubscribe_link]' or another channel (GDPR Art. 7(3))"));
      }
    }
    checkObjection(policy);
    for (Category category : policy.allCategories()) {
      checkSpecial(category);
    }
  }

  // GDPR Art. 21(1): processing on legitimate interests must be open to objection.
  private void checkObjection(Policy policy) {
    Purpose interest =
        policy.purposes().stream()
            .filter(Purpose::reliesOnLegitimateInterest)
            .findFirst()
            .orElse(null);
    if (interest == null) {
      return;
    }
    for (Jurisdiction jurisdiction : policy.jurisdictions()) {
      if (jurisdiction.law() != null
          && jurisdiction.law().isGdprFamily()
          && jurisdiction.right(RequestType.OBJECTION).isEmpty()) {
        binding.add(
            binding
                .originOf(jurisdiction)
                .keyLocation("rights")
                .error(
                    "jurisdiction '"
                        + jurisdiction.id()
                        + "' does not grant objection, but purpose '"
                        + interest.id()
                        + "' relies on legitimate interest",
                    "add a right of type 'objection' (GDPR Art. 21(1))"));
      }
    }
  }

  // GDPR Art. 9(1) forbids special-category processing unless an Art. 9(2) condition applies.
  private void checkSpecial(Category category) {
    Node.Mapping origin = binding.originOf(category);
    if (category.special() && category.art9Condition().isEmpty()) {
      binding.add(
          origin
              .valueLocation("special")
              .error(
                  "special category '" + category.id() + "' names no Art. 9 condition",
                  "add 'art9_condition:' such as art9_2_a (explicit consent)"));
    }
    category
        .art9Condition()
        .filter(condition -> !ART9_CONDITION.matcher(condition).matches())
        .ifPresent(
            condition ->
                binding.add(
                    origin
                        .valueLocation("art9_condition")
                        .error(
                            "'" + condition + "' is not an Art. 9(2) condition",
                            "use art9_2_a to art9_2_j")));
  }
}
