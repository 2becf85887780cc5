package dev.steward.policy;

import dev.steward.calendar.DeadlineRule;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** References made by jurisdictions: controller, contact, calendars, purposes; no right twice. */
final class JurisdictionReferences {
  private final Binding binding;
  private final IdIndex ids;

  JurisdictionReferences(Binding binding, IdIndex ids) {
    this.binding = binding;
    this.ids = ids;
  }

  void check(Policy policy) {
    for (Jurisdiction jurisdiction : policy.jurisdictions()) {
      Node.Mapping origin = binding.originOf(jurisdiction);
      ids.reference(jurisdiction.calendar(), origin.valueLocation("calendar"), "calendar");
      ids.reference(
          jurisdiction.controller(),
          origin.valueLocation("controller"),
          "entity",
          "joint_controller");
      ids.reference(jurisdiction.contact(), origin.valueLocation("contact"), "contact");
      Set<RequestType> seen = EnumSet.noneOf(RequestType.class);
      for (Jurisdiction.Right right : jurisdiction.rights()) {
        if (!seen.add(right.type())) {
          binding.add(
              binding
                  .originOf(right)
                  .valueLocation("type")
                  .error(
                      "jurisdiction '"
                          + jurisdiction.id()
                          + "' grants '"
                          + right.type().name().toLowerCase(Locale.ROOT)
                          + "' twice",
                      "merge the two entries"));
        }
        calendar(right.deadline());
        right.confirm().ifPresent(this::calendar);
        right.extension().ifPresent(extension -> calendar(extension.by()));
      }
      jurisdiction.indirectCollectionNotice().ifPresent(this::calendar);
      jurisdiction.breach().forEach(notice -> notice.within().ifPresent(this::calendar));
      for (Jurisdiction.PiplConsent consent : jurisdiction.consents()) {
        ids.declare("consent", consent.id(), consent);
        for (int i = 0; i < consent.purposes().size(); i++) {
          ids.reference(
              consent.purposes().get(i), binding.element(consent, "purposes", i), "purpose");
        }
      }
    }
  }

  /** Checks a rule's own calendar; an inherited one is checked on its jurisdiction. */
  private void calendar(DeadlineRule rule) {
    Node.Mapping origin = binding.originOf(rule);
    if (origin.entries().containsKey("calendar")) {
      ids.reference(rule.calendarId(), origin.valueLocation("calendar"), "calendar");
    }
  }
}
