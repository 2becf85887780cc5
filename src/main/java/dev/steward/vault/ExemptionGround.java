package dev.steward.vault;

import java.util.Locale;

/** Why an item may outlive the erasure of its subject. */
public enum ExemptionGround {
  /** GDPR Art. 17(3)(b): a legal obligation to keep it, e.g. tax records. */
  LEGAL_OBLIGATION,
  /** GDPR Art. 17(3)(e): the establishment, exercise or defence of legal claims. */
  LEGAL_CLAIMS,
  /** Professional secrecy (GDPR Art. 23(1)(g), UK DPA 2018 Sch. 2 para. 19). */
  PROFESSIONAL_SECRECY;

  /** Stable id used in key scopes and rows, e.g. {@code legal_obligation}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
