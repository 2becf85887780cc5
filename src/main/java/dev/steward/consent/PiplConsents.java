package dev.steward.consent;

import dev.steward.policy.Law;
import dev.steward.policy.Policy;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The consents a PIPL jurisdiction of the policy names (to collection, to a transfer abroad ...)
 * are kept in the ledger like purposes, under the key {@code pipl:<consent id>}, so they have
 * events, receipts and withdrawal like any other consent (PIPL Art. 15: withdrawn as easily).
 */
final class PiplConsents {
  static final String PREFIX = "pipl:";

  private PiplConsents() {}

  /** {@code key} names a consent of a PIPL jurisdiction of the policy. */
  static boolean declared(Policy policy, String key) {
    if (!key.startsWith(PREFIX)) {
      return false;
    }
    String id = key.substring(PREFIX.length());
    return policy.jurisdictions().stream()
        .filter(j -> j.law() == Law.PIPL)
        .flatMap(j -> j.consents().stream())
        .anyMatch(c -> c.id().equals(id));
  }

  /**
   * How such a consent is withdrawn: the channels of the PIPL jurisdiction's right to withdraw
   * transfer consent, else email.
   */
  static Set<String> withdrawal(Policy policy) {
    Set<String> channels = new LinkedHashSet<>();
    policy.jurisdictions().stream()
        .filter(j -> j.law() == Law.PIPL)
        .flatMap(j -> j.rights().stream())
        .filter(r -> r.type().name().equals("WITHDRAW_TRANSFER_CONSENT"))
        .flatMap(r -> r.exercise().stream())
        .forEach(c -> channels.add(c.name().toLowerCase(Locale.ROOT)));
    if (channels.isEmpty()) {
      channels.add("email");
    }
    return channels;
  }
}
