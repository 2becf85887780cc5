package dev.steward.request;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.Law;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the requester lives: an ISO 3166-1 country, optionally with an ISO 3166-2 subdivision
 * ({@code US-CA}). It decides which laws apply; the company's own promises and COPPA (which turns
 * on the request, a parent's, not on residence) apply to everyone.
 */
record Residence(String code) {
  private static final Pattern CODE = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

  /** The EU member states, Iceland, Liechtenstein and Norway: GDPR Art. 3 via the EEA Agreement. */
  private static final Set<String> EEA =
      Set.of(
          "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
          "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

  static Residence parse(String text) {
    String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    if (!CODE.matcher(code).matches()) {
      throw new InvalidInputException(
          "residence must be a country code, optionally with a region: GB, FR, US-CA, CN, HK",
          List.of(new FieldProblem("residence", "not an ISO 3166 country or region code")));
    }
    return new Residence(code);
  }

  String country() {
    return code.substring(0, 2);
  }

  /** The laws whose jurisdictions may grant this person rights. */
  Set<Law> laws() {
    Set<Law> laws = EnumSet.of(Law.COMPANY, Law.COPPA);
    String country = country();
    if (EEA.contains(country)) {
      laws.add(Law.GDPR);
    }
    switch (country) {
      case "GB" -> laws.add(Law.UK_GDPR);
      case "CN" -> laws.add(Law.PIPL);
      case "HK" -> laws.add(Law.HK_PDPO);
      case "US" -> {
        if (code.equals("US-CA")) {
          laws.add(Law.CCPA);
        }
      }
      default -> {}
    }
    return laws;
  }
}
