package dev.steward.policy;

/**
 * Double opt-in confirms a consent: it is an error on a purpose that does not rest on consent,
 * where there is nothing to confirm and a pending state would block a use the law allows without
 * it.
 */
final class DoubleOptInRules {
  private final Binding binding;

  DoubleOptInRules(Binding binding) {
    this.binding = binding;
  }

  void check(Policy policy) {
    for (Purpose purpose : policy.purposes()) {
      if (purpose.doubleOptIn() && !purpose.isConsentBased()) {
        binding.add(
            binding
                .originOf(purpose)
                .valueLocation("double_opt_in")
                .error(
                    "purpose '"
                        + purpose.id()
                        + "' asks for double opt-in, yet does not rest on consent",
                    "add 'dpv:Consent' to its 'legal_bases', or remove 'double_opt_in'"));
      }
    }
  }
}
