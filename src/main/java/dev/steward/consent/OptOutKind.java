package dev.steward.consent;

import java.util.Locale;

/**
 * What a person can opt out of without giving a reason or proving who they are (RULES.md,
 * "Verification levels"): sale/sharing and sensitive use under CCPA, and direct marketing under
 * GDPR Art. 21(2)-(3).
 */
public enum OptOutKind {
  /** "Do Not Sell or Share My Personal Information" (1798.120; 11 CCR 7026). */
  SALE_SHARING,
  /** "Limit the Use of My Sensitive Personal Information" (1798.121; 11 CCR 7027). */
  SENSITIVE_USE,
  /**
   * An objection to all direct marketing (GDPR Art. 21(2)-(3): absolute, no grounds asked); for a
   * person Steward does not know it is the suppression list's entry.
   */
  DIRECT_MARKETING;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OptOutKind of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
