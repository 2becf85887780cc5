package dev.steward.policy;

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
}
