package dev.steward.decision;

import java.util.Locale;

/**
 * Why a decision came out as it did, in the order RULES.md ("Decisions: what blocks a use of data")
 * checks them: the first that applies wins. The wire form is the lower-case name.
 */
public enum ReasonCode {
  /** The subject was erased: nothing of theirs may be used (GDPR Art. 17). */
  SUBJECT_ERASED,
  /** A child under 13: only processing related to deleting their data (COPPA, 16 CFR 312). */
  CHILD_UNDER_13,
  /** Processing is restricted: storage and the uses of GDPR Art. 18(2) only. */
  RESTRICTED,
  /** The policy in force declares no such purpose. */
  PURPOSE_NOT_DECLARED,
  /** The category is unknown, or not declared for the purpose. */
  CATEGORY_NOT_DECLARED,
  /** The system is unknown, or not declared to hold the category. */
  SYSTEM_NOT_DECLARED,
  /** A retention rule's period for the data has run out. */
  RETENTION_EXPIRED,
  /**
   * Opted out of sale/sharing (Cal. Civ. Code 1798.120), GPC included, for a sale/share purpose.
   */
  OPTED_OUT_SALE_SHARING,
  /** Limited the use of sensitive data (1798.121) and the purpose is not one it still allows. */
  LIMITED_SENSITIVE_USE,
  /** Objected to direct marketing: all of it, absolutely (GDPR Art. 21(2)-(3)). */
  OBJECTED_DIRECT_MARKETING,
  /** Unsubscribed from the message's channel, its purpose's messages there, or its topic. */
  UNSUBSCRIBED,
  /** Objected to a purpose that rests on legitimate interest (GDPR Art. 21(1)). */
  OBJECTED,
  /** A consent-based purpose without a live consent for it (GDPR Art. 6(1)(a), 7). */
  NO_CONSENT,
  /** Nothing blocks it. */
  ALLOWED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
