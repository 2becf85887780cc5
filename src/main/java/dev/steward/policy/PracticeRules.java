package dev.steward.policy;

import java.util.Locale;

/**
 * Warnings where a stated practice is lawful on its face but questionable under the law's text:
 * blanket identity documents for GDPR requests, and PIPL consent implied by using the website.
 */
final class PracticeRules {
  private final Binding binding;

  PracticeRules(Binding binding) {
    this.binding = binding;
  }

  void check(Policy policy) {
    for (Jurisdiction jurisdiction : policy.jurisdictions()) {
      if (jurisdiction.law() != null && jurisdiction.law().isGdprFamily()) {
        checkDocuments(jurisdiction);
        if (policy.purposes().stream().anyMatch(Purpose::directMarketing)) {
          jurisdiction
              .right(RequestType.OBJECTION)
              .ifPresent(objection -> checkMarketingObjection(jurisdiction, objection));
        }
      }
      if (jurisdiction.law() == Law.PIPL) {
        jurisdiction.consents().forEach(this::checkConsent);
      }
    }
  }

  // EDPB Guidelines 01/2022 on the right of access, and GDPR Art. 12(2), 12(6): verification is
  // proportionate; documents only where there is reasonable doubt about identity.
  private void checkDocuments(Jurisdiction jurisdiction) {
    var verified =
        jurisdiction.rights().stream().filter(r -> r.verification() != Verification.NONE).toList();
    if (!verified.isEmpty()
        && verified.stream().allMatch(r -> r.verification() == Verification.DOCUMENTS)) {
      binding.add(
          binding
              .originOf(verified.get(0))
              .valueLocation("verification")
              .warning(
                  "every request under '"
                      + jurisdiction.id()
                      + "' requires identity documents, a blanket requirement",
                  "EDPB Guidelines 01/2022: ask for documents only where there is reasonable doubt;"
                      + " possession of the email or account is usually enough"));
    }
  }

  // GDPR Art. 21(3): an objection to direct marketing ends it, whoever the objector turns out to
  // be, so there is nothing to verify (RULES: opt-outs and marketing objections need no check).
  private void checkMarketingObjection(Jurisdiction jurisdiction, Jurisdiction.Right objection) {
    Verification level =
        objection.directMarketing().map(m -> m.verification()).orElse(objection.verification());
    if (level == Verification.NONE || level == Verification.UNSTATED) {
      return;
    }
    Node.Mapping origin =
        objection.directMarketing().isPresent()
            ? binding.originOf(objection.directMarketing().get())
            : binding.originOf(objection);
    binding.add(
        origin
            .valueLocation("verification")
            .warning(
                "an objection to direct marketing under '"
                    + jurisdiction.id()
                    + "' needs "
                    + level.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " before it is acted on",
                "GDPR Art. 21(3): stop the marketing without a check; add 'direct_marketing:"
                    + " {verification: none, exercise: [unsubscribe_link, email]}' to the"
                    + " objection right"));
  }

  private void checkConsent(Jurisdiction.PiplConsent consent) {
    if (consent.scope() == null
        || consent.form() == null
        || consent.form() == ConsentForm.SEPARATE) {
      return;
    }
    Location where = binding.originOf(consent).valueLocation("form");
    String scope = consent.scope().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    if (consent.scope().needsSeparateConsent()) {
      binding.add(
          where.warning(
              "PIPL consent '"
                  + consent.id()
                  + "' to "
                  + scope
                  + " is "
                  + consent.form().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                  + ", not separate",
              article(consent.scope()) + " asks for the person's separate consent"));
    } else if (consent.form() == ConsentForm.IMPLIED_BY_USE) {
      binding.add(
          where.warning(
              "PIPL consent '"
                  + consent.id()
                  + "' to "
                  + scope
                  + " is implied by using the website",
              "PIPL Art. 14: consent must be a voluntary and explicit statement made with full"
                  + " knowledge"));
    }
  }

  private static String article(Jurisdiction.PiplConsent.Scope scope) {
    return switch (scope) {
      case PROVISION_TO_HANDLER -> "PIPL Art. 23";
      case PUBLIC_DISCLOSURE -> "PIPL Art. 25";
      case SENSITIVE_DATA -> "PIPL Art. 29";
      case CROSS_BORDER_TRANSFER -> "PIPL Art. 39";
      case COLLECTION -> "PIPL Art. 14";
    };
  }
}
