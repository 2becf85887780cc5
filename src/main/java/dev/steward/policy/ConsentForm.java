package dev.steward.policy;

/** How consent is obtained. PIPL Art. 23, 29 and 39 ask for {@code SEPARATE} consent. */
public enum ConsentForm {
  /** A specific consent given for this one thing, apart from any other. */
  SEPARATE,
  /** An affirmative act, possibly covering several things at once. */
  EXPRESS,
  /** Deemed from using the website or contacting the company. */
  IMPLIED_BY_USE
}
