package dev.steward.policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-border transfers carry a safeguard: GDPR Chapter V out of the EEA, UK GDPR out of the UK,
 * and PIPL Art. 38-39 out of mainland China (the latter as warnings, since the source policy of the
 * bundled file predates PIPL).
 */
final class TransferRules {
  static final Set<String> EEA =
      Set.of(
          "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
          "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

  private static final Set<Mechanism> PIPL_ART38 =
      EnumSet.of(
          Mechanism.PIPL_SECURITY_ASSESSMENT,
          Mechanism.PIPL_CERTIFICATION,
          Mechanism.PIPL_STANDARD_CONTRACT);

  private final Binding binding;

  TransferRules(Binding binding) {
    this.binding = binding;
  }

  void check(Policy policy) {
    for (Transfer transfer : policy.transfers()) {
      boolean fromEea = isEea(transfer.from());
      boolean fromUk = "GB".equals(transfer.from());
      List<String> leaving =
          transfer.to().stream()
              .filter(to -> (fromEea && !isEea(to)) || (fromUk && !isEea(to) && !"GB".equals(to)))
              .toList();
      if (!leaving.isEmpty()
          || (transfer.internationalOrganisation().orElse(false) && (fromEea || fromUk))) {
        checkGdprMechanism(transfer, fromUk, leaving);
      }
      if ("CN".equals(transfer.from())) {
        checkPipl(transfer);
      }
    }
  }

  // UK adequacy regulations cover the EEA, so only destinations outside both count for the UK.
  private static boolean isEea(String place) {
    return Values.EEA.equals(place) || EEA.contains(place);
  }

  private void checkGdprMechanism(Transfer transfer, boolean fromUk, List<String> leaving) {
    Node.Mapping origin = binding.originOf(transfer);
    if (transfer.mechanisms().stream().noneMatch(Mechanism::coversEeaOrUk)) {
      binding.add(
          origin
              .keyLocation(origin.entries().containsKey("mechanisms") ? "mechanisms" : "to")
              .error(
                  "transfer '"
                      + transfer.id()
                      + "' takes data out of "
                      + (fromUk ? "the UK" : "the EEA")
                      + " to "
                      + String.join(", ", leaving)
                      + " without a mechanism",
                  "add 'mechanisms:' with eu_adequacy, eu_scc, uk_idta, uk_addendum, bcr or"
                      + " derogation_art49 (GDPR Chapter V)"));
    } else if (fromUk
        && transfer.mechanisms().contains(Mechanism.EU_SCC)
        && !transfer.mechanisms().contains(Mechanism.UK_ADDENDUM)
        && !transfer.mechanisms().contains(Mechanism.UK_IDTA)
        && !transfer.mechanisms().contains(Mechanism.BCR)) {
      binding.add(
          origin
              .keyLocation("mechanisms")
              .warning(
                  "transfer '"
                      + transfer.id()
                      + "' leaves the UK on EU standard contractual clauses alone",
                  "UK GDPR Art. 46: add uk_addendum or uk_idta"));
    }
  }

  private void checkPipl(Transfer transfer) {
    Node.Mapping origin = binding.originOf(transfer);
    Location where =
        origin.keyLocation(origin.entries().containsKey("mechanisms") ? "mechanisms" : "from");
    if (transfer.mechanisms().stream().noneMatch(PIPL_ART38::contains)) {
      binding.add(
          where.warning(
              "transfer '"
                  + transfer.id()
                  + "' leaves mainland China without a PIPL Art. 38 mechanism",
              "add pipl_security_assessment, pipl_certification or pipl_standard_contract"));
    }
    boolean separate = transfer.consent().map(form -> form == ConsentForm.SEPARATE).orElse(false);
    if (!transfer.mechanisms().contains(Mechanism.PIPL_SEPARATE_CONSENT) || !separate) {
      Location at = transfer.consent().isPresent() ? origin.valueLocation("consent") : where;
      binding.add(
          at.warning(
              "transfer '"
                  + transfer.id()
                  + "' out of mainland China rests on "
                  + transfer
                      .consent()
                      .map(
                          form ->
                              form.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " consent")
                      .orElse("no consent")
                  + ", not separate consent",
              "PIPL Art. 39: ask for separate consent to the transfer (mechanism"
                  + " pipl_separate_consent, consent: separate)"));
    }
  }
}
