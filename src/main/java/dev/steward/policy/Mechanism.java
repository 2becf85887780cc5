package dev.steward.policy;

/** The safeguard a cross-border transfer relies on. */
public enum Mechanism {
  /** An EU adequacy decision (GDPR Art. 45), including EEA to UK. */
  EU_ADEQUACY,
  /** EU standard contractual clauses (GDPR Art. 46(2)(c)). */
  EU_SCC,
  /** The UK International Data Transfer Agreement. */
  UK_IDTA,
  /** The UK Addendum to the EU standard contractual clauses. */
  UK_ADDENDUM,
  /** Binding corporate rules (GDPR Art. 47). */
  BCR,
  /** A derogation for a specific situation (GDPR Art. 49). */
  DEROGATION_ART49,
  /** PIPL Art. 38(1): the CAC security assessment. */
  PIPL_SECURITY_ASSESSMENT,
  /** PIPL Art. 38(2): personal information protection certification. */
  PIPL_CERTIFICATION,
  /** PIPL Art. 38(3): the CAC standard contract. */
  PIPL_STANDARD_CONTRACT,
  /** PIPL Art. 39: the person's separate consent to the transfer. */
  PIPL_SEPARATE_CONSENT;

  /** True for the mechanisms that can legitimise a transfer out of the EEA or the UK. */
  public boolean coversEeaOrUk() {
    return ordinal() <= DEROGATION_ART49.ordinal();
  }
}
