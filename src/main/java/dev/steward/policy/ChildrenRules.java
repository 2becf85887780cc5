package dev.steward.policy;

import java.util.Map;

/**
 * Rules on children: the age of parental consent stays within what the law allows, and a service
 * meant for children does not also claim not to collect their data knowingly.
 */
final class ChildrenRules {
  // GDPR Art. 8(1): 16, or a lower age a member state sets, not below 13.
  private static final int GDPR_LOWEST = 13;
  private static final int GDPR_HIGHEST = 16;

  private final Binding binding;

  ChildrenRules(Binding binding) {
    this.binding = binding;
  }

  void check(Policy policy) {
    for (Jurisdiction jurisdiction : policy.jurisdictions()) {
      jurisdiction
          .parentalConsent()
          .filter(consent -> jurisdiction.law() == Law.GDPR)
          .ifPresent(consent -> checkGdprAges(jurisdiction, consent));
      if (policy.directedAtChildren() && jurisdiction.minimumAge().isPresent()) {
        // 16 CFR 312.2: a service directed to children cannot rest on not knowing their age.
        binding.add(
            binding
                .originOf(jurisdiction)
                .valueLocation("minimum_age")
                .error(
                    "the service is directed at children, yet jurisdiction '"
                        + jurisdiction.id()
                        + "' says no data of anyone under "
                        + jurisdiction.minimumAge().get()
                        + " is knowingly collected",
                    "remove 'minimum_age' and state the ages of parental consent"
                        + " ('parental_consent'), or set 'directed_at_children: false'"));
      }
    }
  }

  private void checkGdprAges(Jurisdiction jurisdiction, Jurisdiction.ParentalConsent consent) {
    Node.Mapping origin = binding.originOf(consent);
    checkGdprAge(jurisdiction, consent.age(), origin.valueLocation("age"), null);
    Node countries = origin.get("countries").orElse(null);
    if (!(countries instanceof Node.Mapping mapping)) {
      return;
    }
    for (Map.Entry<String, Integer> entry : consent.countries().entrySet()) {
      Node.Entry written = mapping.entries().get(entry.getKey());
      if (!TransferRules.EEA.contains(entry.getKey())) {
        binding.add(
            written
                .keyLocation()
                .error(
                    "'" + entry.getKey() + "' is not a state of the EEA",
                    "GDPR Art. 8(1) lets the member states set their own age: list only those"));
      }
      checkGdprAge(jurisdiction, entry.getValue(), written.value().location(), entry.getKey());
    }
  }

  private void checkGdprAge(Jurisdiction jurisdiction, int age, Location where, String country) {
    if (age >= GDPR_LOWEST && age <= GDPR_HIGHEST) {
      return;
    }
    String whose =
        "the parental consent age "
            + age
            + " under '"
            + jurisdiction.id()
            + "'"
            + (country == null ? "" : " for " + country);
    binding.add(
        where.error(
            whose
                + (age < GDPR_LOWEST
                    ? " is below 13, the lowest GDPR Art. 8(1) allows"
                    : " is above 16, the highest GDPR Art. 8(1) allows"),
            "use an age from 13 to 16; 16 where the member state set none"));
  }
}
