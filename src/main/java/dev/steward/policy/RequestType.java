package dev.steward.policy;

/** A kind of request a person can make under some law or promise. */
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
  CONTENT_REMOVAL
}
