package dev.steward.policy;

/** Which law a country's people fall under, for callers outside the policy package. */
public final class Countries {
  private Countries() {}

  /** A state of the EEA, where the GDPR applies (ISO 3166-1 alpha-2). */
  public static boolean inEea(String code) {
    return code != null && TransferRules.EEA.contains(code);
  }

  /**
   * The law that protects a person in {@code country}, as far as the country alone tells: the GDPR
   * in the EEA, UK GDPR in the UK, PIPL in mainland China, COPPA in the US (the only US law with an
   * age of parental consent); null otherwise.
   */
  public static Law lawOf(String country) {
    if (country == null) {
      return null;
    }
    if (inEea(country)) {
      return Law.GDPR;
    }
    return switch (country) {
      case "GB" -> Law.UK_GDPR;
      case "CN" -> Law.PIPL;
      case "US" -> Law.COPPA;
      default -> null;
    };
  }
}
