package dev.steward.policy;

/**
 * A kind of request a person can make under some law or promise. In the policy file each is written
 * in lower case ({@code withdraw_transfer_consent}).
 */
public enum RequestType {
  ACCESS,
  RECTIFICATION,
  ERASURE,
  PORTABILITY,
  OBJECTION,
  RESTRICTION,
  WITHDRAW_CONSENT,
  KNOW,
  KNOW_SPECIFIC,
  DELETE,
  CORRECT,
  OPT_OUT_SALE_SHARING,
  LIMIT_SENSITIVE,
  SHINE_THE_LIGHT,
  PARENTAL_DELETION,
  CONTENT_REMOVAL,
  /** PIPL Art. 48: an explanation of the rules by which personal information is processed. */
  EXPLANATION,
  /** PIPL Art. 15 and 39: withdrawal of the separate consent to a cross-border transfer. */
  WITHDRAW_TRANSFER_CONSENT,
  /** A copy of a document the policy offers on request (its {@code documents} section). */
  DOCUMENT
}
