package dev.steward.policy;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Legal bases by their W3C Data Privacy Vocabulary (DPV) ids. The policy file names bases only by
 * these ids so that consent records and the record of processing share one vocabulary.
 */
public final class LegalBasis {
  public static final String CONSENT = "dpv:Consent";
  public static final String CONTRACT = "dpv:Contract";
  public static final String LEGAL_OBLIGATION = "dpv:LegalObligation";
  public static final String LEGITIMATE_INTEREST = "dpv:LegitimateInterest";

  private static final Set<String> CONSENTS =
      Set.of(
          CONSENT,
          "dpv:InformedConsent",
          "dpv:ExpressedConsent",
          "dpv:ExplicitlyExpressedConsent",
          "dpv:ImpliedConsent");

  private static final Set<String> LEGITIMATE_INTERESTS =
      Set.of(
          LEGITIMATE_INTEREST,
          "dpv:LegitimateInterestOfController",
          "dpv:LegitimateInterestOfThirdParty",
          "dpv:LegitimateInterestOfDataSubject");

  private static final Set<String> OTHERS =
      Set.of(
          CONTRACT,
          "dpv:ContractPerformance",
          "dpv:EnterIntoContract",
          LEGAL_OBLIGATION,
          "dpv:PublicInterest",
          "dpv:OfficialAuthorityOfController",
          "dpv:VitalInterest",
          "dpv:VitalInterestOfDataSubject");

  private LegalBasis() {}

  /** Every DPV legal-basis id the policy file accepts, sorted. */
  public static Set<String> known() {
    Set<String> all = new TreeSet<>(CONSENTS);
    all.addAll(LEGITIMATE_INTERESTS);
    all.addAll(OTHERS);
    return Collections.unmodifiableSet(all);
  }

  public static boolean isKnown(String id) {
    return CONSENTS.contains(id) || LEGITIMATE_INTERESTS.contains(id) || OTHERS.contains(id);
  }

  public static boolean isConsent(String id) {
    return CONSENTS.contains(id);
  }

  public static boolean isLegitimateInterest(String id) {
    return LEGITIMATE_INTERESTS.contains(id);
  }
}
