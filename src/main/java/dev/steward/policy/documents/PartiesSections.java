package dev.steward.policy.documents;

import dev.steward.policy.Contact;
import dev.steward.policy.Dpo;
import dev.steward.policy.Entity;
import dev.steward.policy.JointController;
import dev.steward.policy.Policy;
import dev.steward.policy.documents.Document.Block;
import dev.steward.policy.documents.Document.Fact;
import dev.steward.policy.documents.Document.Facts;
import dev.steward.policy.documents.Document.Paragraph;
import dev.steward.policy.documents.Document.Section;
import dev.steward.policy.documents.Document.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The notice's sections on who is responsible for the data and how to reach them and the DPO. */
final class PartiesSections {
  private final Policy policy;
  private final Wording wording;
  private final Names names;

  PartiesSections(Policy policy, Wording wording, Names names) {
    this.policy = policy;
    this.wording = wording;
    this.names = names;
  }

  List<Section> sections() {
    return List.of(controllers(), contact());
  }

  private Section controllers() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph(wording.text("controllers.intro")));
    List<List<String>> rows =
        policy.entities().stream()
            .map(
                entity ->
                    List.of(
                        entity.legalName(),
                        wording.country(entity.country()),
                        wording.labels("role", entity.roles().stream().sorted().toList())))
            .toList();
    blocks.add(
        new Table(
            wording.text("controllers.table"),
            List.of(
                wording.text("controllers.entity"),
                wording.text("controllers.country"),
                wording.text("controllers.role")),
            rows));
    for (JointController joint : policy.jointControllers()) {
      boolean open = Wording.isUnstated(joint.arrangement());
      blocks.add(
          new Paragraph(
              open && wording.forPublicNotice()
                  ? wording.text("controllers.joint.only", names.controller(joint.id()))
                  : wording.text(
                      "controllers.joint",
                      names.controller(joint.id()),
                      wording.orUnstated(joint.arrangement()))));
    }
    return new Section("controllers", wording.text("controllers.heading"), blocks);
  }

  private Section contact() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph(wording.text("contact.intro")));
    List<Section> routes = new ArrayList<>();
    for (Entity entity : policy.entities()) {
      for (Contact route : entity.contacts()) {
        routes.add(
            new Section(
                "contact-" + route.id(),
                wording.text("contact.route", names.regions(route.regions())),
                List.of(new Facts(facts(entity, route)))));
      }
    }
    blocks.add(new Paragraph(dpo()));
    return new Section("contact", wording.text("contact.heading"), blocks, routes);
  }

  private List<Fact> facts(Entity entity, Contact route) {
    List<Fact> facts = new ArrayList<>();
    String addressee = entity.legalName() + route.attention().map(a -> ", " + a).orElse("");
    facts.add(new Fact(wording.text("contact.addressee"), addressee));
    add(facts, "channel.POST", route.post());
    add(facts, "channel.EMAIL", route.email());
    add(facts, "channel.PHONE", route.phone());
    add(facts, "channel.WEB_LINK", route.web());
    return facts;
  }

  private void add(List<Fact> facts, String key, Optional<String> value) {
    value.ifPresent(v -> facts.add(new Fact(wording.text(key), wording.orUnstated(v))));
  }

  private String dpo() {
    return policy
        .dpo()
        .map(
            dpo -> {
              String title = dpo.title().orElse(wording.text("contact.dpo.title"));
              if (dpo.external().isPresent()) {
                Dpo.External external = dpo.external().get();
                return wording.text(
                    "contact.dpo.external",
                    title,
                    names.externalDpo(external),
                    names.controller(dpo.entity()),
                    names.channels(external));
              }
              return wording.text(
                  "contact.dpo",
                  title,
                  names.controller(dpo.entity()),
                  dpo.contact()
                      .flatMap(names::contact)
                      .flatMap(Contact::email)
                      .map(wording::orUnstated)
                      .orElse(wording.unstated()));
            })
        .orElse(wording.text("contact.no-dpo"));
  }
}
