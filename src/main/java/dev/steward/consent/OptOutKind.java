package dev.steward.consent;

import java.util.Locale;

/** What a person can opt out of without giving a reason (CCPA, Cal. Civ. Code 1798.120, .121). */
public enum OptOutKind {
  /** "Do Not Sell or Share My Personal Information" (1798.120; 11 CCR 7026). */
  SALE_SHARING,
  /** "Limit the Use of My Sensitive Personal Information" (1798.121; 11 CCR 7027). */
  SENSITIVE_USE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OptOutKind of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
