package dev.steward.policy;

import java.util.List;

/**
 * A jurisdiction's promises hold against the rest of the policy: no purpose sells data where the
 * company promised no sale, and third-party recipients are flagged where it promised no disclosure.
 */
final class CommitmentRules {
  private final Binding binding;

  CommitmentRules(Binding binding) {
    this.binding = binding;
  }

  void check(Policy policy) {
    for (Jurisdiction jurisdiction : policy.jurisdictions()) {
      for (int i = 0; i < jurisdiction.commitments().size(); i++) {
        Location where = binding.element(jurisdiction, "commitments", i);
        switch (jurisdiction.commitments().get(i)) {
          case NO_SALE -> noSale(policy, jurisdiction, where);
          case NO_THIRD_PARTY_DISCLOSURE -> noDisclosure(policy, jurisdiction, where);
        }
      }
    }
  }

  private void noSale(Policy policy, Jurisdiction jurisdiction, Location where) {
    List<String> selling =
        policy.purposes().stream().filter(Purpose::saleOrSharing).map(Purpose::id).toList();
    if (!selling.isEmpty()) {
      binding.add(
          where.error(
              "jurisdiction '"
                  + jurisdiction.id()
                  + "' promises no sale, but purposes sell or share data: "
                  + String.join(", ", selling),
              "drop the promise, or 'sale_or_sharing' from those purposes"));
    }
  }

  // Authorities receive data under a legal duty, processors on instructions: neither is a third
  // party in the sense of the promise; independent recipients are.
  private void noDisclosure(Policy policy, Jurisdiction jurisdiction, Location where) {
    List<String> thirdParties =
        policy.recipients().stream()
            .filter(
                r -> r.kind() == Recipient.Kind.THIRD_PARTY || r.kind() == Recipient.Kind.PUBLIC)
            .map(Recipient::id)
            .toList();
    if (!thirdParties.isEmpty()) {
      binding.add(
          where.warning(
              "jurisdiction '"
                  + jurisdiction.id()
                  + "' promises no disclosure to third parties, but the policy names third-party"
                  + " recipients: "
                  + String.join(", ", thirdParties),
              "say whether these recipients get data of people under this law, or narrow the"
                  + " promise"));
    }
  }
}
