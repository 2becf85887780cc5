package dev.steward.policy;

/** A way for a person to reach the company: to exercise a right, withdraw consent, be told. */
public enum Channel {
  EMAIL,
  POST,
  PHONE,
  WEB_FORM,
  WEB_LINK,
  UNSUBSCRIBE_LINK
}
