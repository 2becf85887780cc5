package dev.steward.policy;

import java.util.OptionalInt;

/** The law a jurisdiction entry applies; {@code COMPANY} is a promise the company made itself. */
public enum Law {
  GDPR,
  UK_GDPR,
  CCPA,
  PIPL,
  HK_PDPO,
  COPPA,
  COMPANY;

  /** The GDPR family, where Art. 21 objection and EDPB guidance apply. */
  public boolean isGdprFamily() {
    return this == GDPR || this == UK_GDPR;
  }

  /** The age below which the law wants a parent's consent for a child, where it sets one. */
  public OptionalInt parentalConsentAge() {
    return switch (this) {
      case GDPR -> OptionalInt.of(16); // GDPR Art. 8(1); member states may go down to 13
      case UK_GDPR -> OptionalInt.of(13); // Data Protection Act 2018 s.9
      case PIPL -> OptionalInt.of(14); // PIPL Art. 31
      case COPPA -> OptionalInt.of(13); // 15 U.S.C. 6501(1), 16 CFR 312.5
      case CCPA, HK_PDPO, COMPANY -> OptionalInt.empty();
    };
  }
}
