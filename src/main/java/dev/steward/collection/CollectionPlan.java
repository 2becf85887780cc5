package dev.steward.collection;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.Form;
import dev.steward.policy.LegalBasis;
import dev.steward.policy.Policy;
import dev.steward.policy.Purpose;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a submission of a form becomes, checked against the form before anything is stored: the
 * identities to find the person by, one value per filled field under the field's first category,
 * the form's purposes grouped by the legal basis each relies on, and the consent it gives.
 */
record CollectionPlan(
    List<Identity> identities,
    List<Value> values,
    Map<String, Set<String>> purposesByBasis,
    Set<String> consentPurposes) {

  private static final Set<String> IDENTITY_FIELDS = Set.of("email", "phone", "name");
  private static final Set<String> TICKED = Set.of("on", "true", "yes", "1", "checked");

  /** A field's value and the category it is stored under. */
  record Value(String field, String category, String value) {
    @Override
    public String toString() {
      return "Value[" + field + ", value hidden]";
    }
  }

  /** Every problem at once: undeclared fields, missing required ones, consent not given. */
  static CollectionPlan of(Policy policy, Form form, Submission submission) {
    List<FieldProblem> problems = new ArrayList<>();
    new TreeSet<>(submission.fields().keySet())
        .stream()
            .filter(name -> form.field(name).isEmpty())
            .forEach(
                name ->
                    problems.add(
                        new FieldProblem(name, "is not a field of form '" + form.id() + "'")));
    for (Form.Field field : form.fields()) {
      String value = submission.fields().get(field.name());
      if (field.required() && (value == null || value.isBlank())) {
        problems.add(new FieldProblem(field.name(), "is required"));
      }
    }
    Map<String, Set<String>> byBasis = new LinkedHashMap<>();
    Set<String> consentPurposes = new LinkedHashSet<>();
    for (String id : form.purposes()) {
      Purpose purpose = policy.purpose(id).orElseThrow();
      String basis =
          purpose.legalBases().stream()
              .filter(LegalBasis::isConsent)
              .findFirst()
              .orElse(purpose.legalBases().get(0));
      byBasis.computeIfAbsent(basis, b -> new LinkedHashSet<>()).add(id);
      if (purpose.isConsentBased()) {
        consentPurposes.add(id);
      }
    }
    if (!consentPurposes.isEmpty()) {
      String checkbox = form.consentField().orElseThrow();
      String ticked = submission.fields().getOrDefault(checkbox, "");
      if (!TICKED.contains(ticked.strip().toLowerCase(Locale.ROOT))) {
        problems.add(
            new FieldProblem(
                checkbox,
                "must be ticked: " + String.join(", ", consentPurposes) + " rests on consent"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          "the submission does not fit form '" + form.id() + "'", problems);
    }
    List<Identity> identities = new ArrayList<>();
    List<Value> values = new ArrayList<>();
    for (Form.Field field : form.fields()) {
      String value = submission.fields().get(field.name());
      if (value == null || value.isBlank() || field.name().equals(form.consentField().orElse(""))) {
        continue;
      }
      if (IDENTITY_FIELDS.contains(field.name())) {
        identities.add(new Identity(IdentityType.of(field.name()), value));
      }
      values.add(new Value(field.name(), field.categories().get(0), value.strip()));
    }
    return new CollectionPlan(identities, values, byBasis, consentPurposes);
  }

  /** The categories the consent covers: those of the fields that were filled. */
  Set<String> categories() {
    Set<String> categories = new TreeSet<>();
    values.forEach(value -> categories.add(value.category()));
    return categories;
  }
}
