package dev.steward.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Forms collect only what the policy declares: every field maps to a category, every purpose
 * exists, and a form collecting for a consent-based purpose has the checkbox that records consent.
 */
final class FormRules {
  private final Binding binding;
  private final IdIndex ids;

  FormRules(Binding binding, IdIndex ids) {
    this.binding = binding;
    this.ids = ids;
  }

  void check(Policy policy) {
    for (Form form : policy.forms()) {
      Set<String> names = new HashSet<>();
      for (Form.Field field : form.fields()) {
        Node.Mapping origin = binding.originOf(field);
        if (!field.name().isEmpty() && !names.add(field.name())) {
          binding.add(
              origin
                  .valueLocation("name")
                  .error(
                      "form '" + form.id() + "' has two fields named '" + field.name() + "'", ""));
        }
        if (field.categories().isEmpty()) {
          binding.add(
              origin
                  .keyLocation(origin.entries().containsKey("categories") ? "categories" : "name")
                  .error(
                      "form field '" + field.name() + "' is mapped to no category",
                      "add 'categories: [contact.email]' so the data it collects is declared"));
        }
        for (int i = 0; i < field.categories().size(); i++) {
          ids.reference(
              field.categories().get(i), binding.element(field, "categories", i), "category");
        }
      }
      checkPurposes(policy, form, names);
      Node.Mapping origin = binding.originOf(form);
      form.subjectType()
          .ifPresent(id -> ids.reference(id, origin.valueLocation("subject_type"), "subject_type"));
      form.subjectType()
          .filter(type -> !collectsFrom(policy, form, type))
          .ifPresent(
              type ->
                  binding.add(
                      origin
                          .valueLocation("subject_type")
                          .error(
                              "form '"
                                  + form.id()
                                  + "' collects from '"
                                  + type
                                  + "', whom none of its purposes concerns",
                              "add '"
                                  + type
                                  + "' to the 'subject_types' of a purpose the form collects for,"
                                  + " or name the kind of person it does collect from")));
      form.source().ifPresent(id -> ids.reference(id, origin.valueLocation("source"), "source"));
      form.system().ifPresent(id -> ids.reference(id, origin.valueLocation("system"), "system"));
    }
  }

  /** Whether a purpose of the form processes data of {@code type}; unknown purposes pass. */
  private static boolean collectsFrom(Policy policy, Form form, String type) {
    List<Purpose> purposes =
        form.purposes().stream().flatMap(p -> policy.purpose(p).stream()).toList();
    return purposes.isEmpty() || purposes.stream().anyMatch(p -> p.subjectTypes().contains(type));
  }

  private void checkPurposes(Policy policy, Form form, Set<String> fieldNames) {
    Node.Mapping origin = binding.originOf(form);
    for (int i = 0; i < form.purposes().size(); i++) {
      String id = form.purposes().get(i);
      ids.reference(id, binding.element(form, "purposes", i), "purpose");
      // GDPR Art. 6(1): a form records the legal basis of what it collects, so it needs one.
      if (policy.purpose(id).map(p -> p.legalBases().isEmpty()).orElse(false)) {
        binding.add(
            binding
                .element(form, "purposes", i)
                .error(
                    "form '"
                        + form.id()
                        + "' collects for purpose '"
                        + id
                        + "', which states no legal basis",
                    "state the purpose's 'legal_bases' before a form collects for it (GDPR Art."
                        + " 6(1))"));
      }
      boolean consentBased = policy.purpose(id).map(Purpose::isConsentBased).orElse(false);
      if (consentBased && form.consentField().isEmpty()) {
        binding.add(
            binding
                .element(form, "purposes", i)
                .error(
                    "form '"
                        + form.id()
                        + "' collects for consent-based purpose '"
                        + id
                        + "' but has no consent checkbox",
                    "add 'consent_field:' naming the checkbox field (GDPR Art. 7(1))"));
      }
    }
    form.consentField()
        .filter(name -> !fieldNames.contains(name))
        .ifPresent(
            name ->
                binding.add(
                    origin
                        .valueLocation("consent_field")
                        .error(
                            "consent field '"
                                + name
                                + "' is not a field of form '"
                                + form.id()
                                + "'",
                            Suggestions.hint(name, fieldNames))));
  }
}
