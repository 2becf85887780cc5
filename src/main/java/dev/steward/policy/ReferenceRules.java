package dev.steward.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every id declared once, and every reference naming something declared. */
final class ReferenceRules {
  private final Binding binding;
  private final IdIndex ids;

  ReferenceRules(Binding binding) {
    this.binding = binding;
    this.ids = new IdIndex(binding);
  }

  void check(Policy policy) {
    declareAll(policy);
    for (Entity entity : policy.entities()) {
      entity.parent().ifPresent(p -> ids.reference(p, at(entity, "parent"), "entity"));
      for (Contact contact : entity.contacts()) {
        refs(contact, "regions", contact.regions(), "region");
      }
    }
    for (JointController joint : policy.jointControllers()) {
      refs(joint, "entities", joint.entities(), "entity");
    }
    policy
        .dpo()
        .ifPresent(
            dpo -> {
              ids.reference(dpo.entity(), at(dpo, "entity"), "entity");
              dpo.contact().ifPresent(c -> ids.reference(c, at(dpo, "contact"), "contact"));
            });
    for (Source source : policy.sources()) {
      refs(source, "categories", source.categories(), "category");
    }
    for (DataSystem system : policy.systems()) {
      ids.reference(system.owner(), at(system, "owner"), "entity");
      refs(system, "categories", system.categories(), "category");
    }
    for (Purpose purpose : policy.purposes()) {
      refs(purpose, "categories", purpose.categories(), "category");
      refs(purpose, "subject_types", purpose.subjectTypes(), "subject_type");
    }
    for (Recipient recipient : policy.recipients()) {
      refs(recipient, "categories", recipient.categories(), "category");
      refs(recipient, "purposes", recipient.purposes(), "purpose");
    }
    for (Transfer transfer : policy.transfers()) {
      refs(transfer, "categories", transfer.categories(), "category");
    }
    for (Tracker tracker : policy.trackers()) {
      refs(tracker, "purpose", tracker.purposes(), "purpose");
      refs(tracker, "categories", tracker.categories(), "category");
    }
    for (RetentionRule rule : policy.retentionRules()) {
      for (int i = 0; i < rule.categories().size(); i++) {
        String category = rule.categories().get(i);
        if (!category.isEmpty() && !ids.has("category", category)) {
          binding.add(
              binding
                  .element(rule, "categories", i)
                  .error(
                      "retention rule '"
                          + rule.id()
                          + "' names unknown category '"
                          + category
                          + "'",
                      ids.hint(category, "category")));
        }
      }
      refs(rule, "purposes", rule.purposes(), "purpose");
    }
    for (OfferedDocument document : policy.documents()) {
      ids.reference(document.contact(), at(document, "contact"), "contact");
    }
    new JurisdictionReferences(binding, ids).check(policy);
    new FormRules(binding, ids).check(policy);
  }

  private void declareAll(Policy policy) {
    policy.regions().forEach(r -> ids.declare("region", r.id(), r));
    for (Entity entity : policy.entities()) {
      ids.declare("entity", entity.id(), entity);
      entity.contacts().forEach(c -> ids.declare("contact", c.id(), c));
    }
    policy.jointControllers().forEach(j -> ids.declare("joint_controller", j.id(), j));
    policy.subjectTypes().forEach(s -> ids.declare("subject_type", s.id(), s));
    policy.identityTypes().forEach(t -> ids.declare("identity_type", t.id(), t));
    policy.allCategories().forEach(c -> ids.declare("category", c.id(), c));
    policy.sources().forEach(s -> ids.declare("source", s.id(), s));
    policy.systems().forEach(s -> ids.declare("system", s.id(), s));
    policy.purposes().forEach(p -> ids.declare("purpose", p.id(), p));
    policy.recipients().forEach(r -> ids.declare("recipient", r.id(), r));
    policy.transfers().forEach(t -> ids.declare("transfer", t.id(), t));
    policy.trackers().forEach(t -> ids.declare("tracker", t.id(), t));
    policy.forms().forEach(f -> ids.declare("form", f.id(), f));
    policy.retentionRules().forEach(r -> ids.declare("retention_rule", r.id(), r));
    policy.exemptions().forEach(e -> ids.declare("exemption", e.id(), e));
    policy.documents().forEach(d -> ids.declare("document", d.id(), d));
    policy.jurisdictions().forEach(j -> ids.declare("jurisdiction", j.id(), j));
    policy.calendars().forEach(c -> ids.declare("calendar", c.id(), c));
  }

  private void refs(Object owner, String key, List<String> values, String kind) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      Location where = binding.element(owner, key, i);
      ids.reference(values.get(i), where, kind);
      if (!seen.add(values.get(i))) {
        binding.add(where.warning("'" + values.get(i) + "' is listed twice in '" + key + "'", ""));
      }
    }
  }

  private Location at(Object owner, String key) {
    return binding.originOf(owner).valueLocation(key);
  }
}
