package dev.steward.collection;

import dev.steward.error.ConfigurationException;
import dev.steward.policy.Form;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicy;
import dev.steward.policy.Purpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** What a form's submissions are recorded with: subject type, source, system, and the consent. */
record FormDefaults(String subjectType, String source, String system) {

  static FormDefaults of(Policy policy, Form form) {
    return new FormDefaults(
        form.subjectTypeIn(policy).orElseThrow(() -> missing(form, "subject_type")),
        form.sourceIn(policy).orElseThrow(() -> missing(form, "source")),
        form.systemIn(policy).orElseThrow(() -> missing(form, "system")));
  }

  /**
   * The consent given by ticking the form's checkbox, to the controller of the policy's first
   * jurisdiction, on the notice in force.
   */
  static ConsentRecord consent(
      PublishedPolicy notice,
      Form form,
      CollectionPlan plan,
      UUID subject,
      UUID submissionId,
      String evidence,
      Instant now) {
    Policy policy = notice.policy();
    Set<String> withdrawal = new LinkedHashSet<>();
    String basis = null;
    for (String id : plan.consentPurposes()) {
      Purpose purpose = policy.purpose(id).orElseThrow();
      purpose.withdrawal().forEach(c -> withdrawal.add(c.name().toLowerCase(Locale.ROOT)));
      basis =
          plan.purposesByBasis().entrySet().stream()
              .filter(group -> group.getValue().contains(id))
              .findFirst()
              .orElseThrow()
              .getKey();
    }
    return new ConsentRecord(
        UUID.randomUUID(),
        subject,
        policy.jurisdictions().get(0).controller(),
        notice.version(),
        notice.contentHash(),
        List.copyOf(plan.consentPurposes()),
        new ArrayList<>(plan.categories()),
        basis,
        "web-form",
        now,
        null,
        List.copyOf(withdrawal),
        form.id(),
        submissionId,
        evidence);
  }

  private static ConfigurationException missing(Form form, String key) {
    return new ConfigurationException(
        "form '" + form.id() + "' has no " + key + " and the policy offers no default for it");
  }
}
