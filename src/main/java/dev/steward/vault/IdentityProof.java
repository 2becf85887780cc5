package dev.steward.vault;

import java.util.Locale;

/**
 * How an identity came to be held by a subject (docs/vault.md, "Linking"). Only a proof links: a
 * submission that proves nothing never joins an existing subject, and an identity a subject holds
 * only by assertion stops leading to it once the subject is confirmed through a proof.
 */
public enum IdentityProof {
  /** Given without proof, e.g. typed into a public form. */
  ASSERTED,
  /** Whoever gave it proved control of it with a one-time code. */
  VERIFIED,
  /** Put there by staff, an operator's import, or a controller that verified the person. */
  STAFF;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static IdentityProof parse(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** True for a proof of control, as opposed to a mere assertion. */
  public boolean proves() {
    return this != ASSERTED;
  }

  /** The stronger of the two: a proof never gives way to an assertion. */
  IdentityProof max(IdentityProof other) {
    return proves() || !other.proves() ? this : other;
  }
}
