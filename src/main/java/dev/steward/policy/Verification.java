package dev.steward.policy;

/** How sure the company must be of who is asking before it acts on a request. */
public enum Verification {
  NONE,
  POSSESSION,
  DOCUMENTS,
  CCPA_2_POINTS,
  CCPA_3_POINTS_DECLARATION,
  PARENTAL,
  ACCOUNT_CREDENTIALS,
  UNSTATED
}
