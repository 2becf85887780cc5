package dev.steward.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Binds who is responsible: regions, entities and their contact routes, joint controllers, DPO. */
final class EntityBinder {
  private final Binding binding;

  EntityBinder(Binding binding) {
    this.binding = binding;
  }

  List<Region> regions(Fields root) {
    return binding.mappings(root, "regions", "region").stream()
        .map(f -> binding.origin(new Region(Values.id(binding, f), f.text("name")), f))
        .toList();
  }

  List<Entity> entities(Fields root) {
    return binding.mappings(root, "entities", "entity").stream().map(this::entity).toList();
  }

  private Entity entity(Fields f) {
    List<Contact> contacts =
        binding.mappings(f, "contacts", "contact").stream().map(this::contact).toList();
    Entity entity =
        new Entity(
            Values.id(binding, f),
            f.text("legal_name"),
            Values.country(binding, f, "country", Set.of(Policy.UNSTATED)),
            Set.copyOf(f.choices("roles", Entity.Role.class)),
            f.optionalText("parent"),
            contacts);
    return binding.origin(entity, f);
  }

  private Contact contact(Fields f) {
    Contact contact =
        new Contact(
            Values.id(binding, f),
            f.texts("regions"),
            f.optionalText("attention"),
            f.optionalText("post"),
            f.optionalText("email"),
            f.optionalText("phone"),
            f.optionalText("web"));
    if (contact.post().isEmpty()
        && contact.email().isEmpty()
        && contact.phone().isEmpty()
        && contact.web().isEmpty()) {
      binding.add(
          f.node()
              .location()
              .error(
                  "contact '" + contact.id() + "' has no channel",
                  "give at least one of post, email, phone, web"));
    }
    return binding.origin(contact, f);
  }

  List<JointController> jointControllers(Fields root) {
    return binding.mappings(root, "joint_controllers", "joint_controller").stream()
        .map(
            f ->
                binding.origin(
                    new JointController(
                        Values.id(binding, f),
                        f.text("name"),
                        f.texts("entities"),
                        f.text("arrangement")),
                    f))
        .toList();
  }

  Optional<Dpo> dpo(Fields root) {
    Fields f = root.child("dpo", "dpo");
    if (f == null) {
      return Optional.empty();
    }
    // GDPR Art. 37(6): the DPO is a staff member or fulfils the tasks under a service contract.
    if (f.has("contact") == f.has("external")) {
      binding.add(
          (f.has("external") ? f.node().keyLocation("external") : f.node().location())
              .error(
                  f.has("external")
                      ? "the DPO has both 'contact' and 'external'"
                      : "the DPO names neither 'contact' nor 'external'",
                  "a DPO on the staff is reached through a contact route of an entity ('contact');"
                      + " one serving under a service contract (GDPR Art. 37(6)) has channels of"
                      + " their own ('external'): give one of the two"));
    }
    Optional<Dpo.External> external =
        Optional.ofNullable(f.child("external", "external_dpo")).map(this::externalDpo);
    return Optional.of(
        binding.origin(
            new Dpo(f.text("entity"), f.optionalText("contact"), external, f.optionalText("title")),
            f));
  }

  private Dpo.External externalDpo(Fields f) {
    Dpo.External external =
        new Dpo.External(
            f.text("name"),
            f.optionalText("organisation"),
            f.optionalText("post"),
            f.optionalText("email"),
            f.optionalText("phone"),
            f.optionalText("web"));
    if (external.post().isEmpty()
        && external.email().isEmpty()
        && external.phone().isEmpty()
        && external.web().isEmpty()) {
      binding.add(
          f.node()
              .location()
              .error(
                  "the external DPO has no channel",
                  "give at least one of post, email, phone, web"));
    }
    return binding.origin(external, f);
  }
}
