package dev.steward.policy.documents;

import dev.steward.policy.Contact;
import dev.steward.policy.Policy;
import dev.steward.policy.Purpose;
import dev.steward.policy.RetentionRule;
import dev.steward.policy.documents.Document.Block;
import dev.steward.policy.documents.Document.Bullets;
import dev.steward.policy.documents.Document.Paragraph;
import dev.steward.policy.documents.Document.Section;
import dev.steward.policy.documents.Document.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The notice's sections on why data is used and on which legal basis, who gets it, marketing. */
final class UseSections {
  private final Policy policy;
  private final Wording wording;
  private final Names names;

  UseSections(Policy policy, Wording wording, Names names) {
    this.policy = policy;
    this.wording = wording;
    this.names = names;
  }

  List<Section> sections() {
    return List.of(purposes(), recipients(), marketing());
  }

  private Section purposes() {
    List<List<String>> rows = new ArrayList<>();
    List<String> bases = new ArrayList<>();
    for (Purpose purpose : policy.purposes()) {
      rows.add(
          List.of(
              purpose.name(),
              wording.join(purpose.legalBases().stream().map(wording::legalBasis).toList()),
              names.categories(purpose.categories()),
              names.subjectTypes(purpose.subjectTypes())));
      purpose.legalBases().stream().filter(b -> !bases.contains(b)).forEach(bases::add);
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph(wording.text("purposes.intro")));
    blocks.add(
        new Table(
            wording.text("purposes.table"),
            List.of(
                wording.text("purposes.purpose"),
                wording.text("purposes.basis"),
                wording.text("purposes.categories"),
                wording.text("purposes.people")),
            rows));
    blocks.add(new Paragraph(wording.text("purposes.bases")));
    blocks.add(
        new Bullets(
            bases.stream().map(b -> wording.legalBasis(b) + ": " + explanation(b)).toList()));
    if (policy.purposes().stream().anyMatch(Purpose::profiling)) {
      blocks.add(new Paragraph(wording.text("purposes.profiling")));
    }
    return new Section("purposes", wording.text("purposes.heading"), blocks);
  }

  private String explanation(String basis) {
    String key = "basis-explained." + basis.replace("dpv:", "");
    return wording.hasText(key) ? wording.text(key) : wording.unstated();
  }

  private Section recipients() {
    List<List<String>> rows =
        policy.recipients().stream()
            .map(
                recipient ->
                    List.of(
                        recipient
                            .legalName()
                            .map(l -> recipient.name() + " (" + l + ")")
                            .orElse(recipient.name()),
                        wording.label("recipient", recipient.kind()),
                        names.categories(recipient.categories()),
                        recipient.purposes().isEmpty()
                            ? wording.text("recipients.any-purpose")
                            : names.purposes(recipient.purposes())))
            .toList();
    List<Block> blocks =
        List.of(
            new Paragraph(wording.text("recipients.intro")),
            new Table(
                wording.text("recipients.table"),
                List.of(
                    wording.text("recipients.recipient"),
                    wording.text("recipients.kind"),
                    wording.text("recipients.categories"),
                    wording.text("recipients.purposes")),
                rows),
            new Paragraph(wording.text("recipients.processors")));
    return new Section("recipients", wording.text("recipients.heading"), blocks);
  }

  private Section marketing() {
    List<Purpose> marketing = policy.purposes().stream().filter(Purpose::directMarketing).toList();
    List<Block> blocks = new ArrayList<>();
    if (marketing.isEmpty()) {
      blocks.add(new Paragraph(wording.text("marketing.none")));
      return new Section("marketing", wording.text("marketing.heading"), blocks);
    }
    blocks.add(
        new Paragraph(
            wording.text(
                "marketing.intro", names.purposes(marketing.stream().map(Purpose::id).toList()))));
    List<String> ways = new ArrayList<>();
    ways.add(wording.text("marketing.unsubscribe"));
    for (var entity : policy.entities()) {
      for (Contact contact : entity.contacts()) {
        contact
            .email()
            .ifPresent(
                email ->
                    ways.add(
                        wording.text(
                            "marketing.email",
                            wording.orUnstated(email),
                            names.regions(contact.regions()))));
      }
    }
    blocks.add(new Bullets(ways));
    optOutRule().ifPresent(rule -> blocks.add(new Paragraph(wording.text("marketing.deleted"))));
    return new Section("marketing", wording.text("marketing.heading"), blocks);
  }

  private Optional<RetentionRule> optOutRule() {
    return policy.retentionRules().stream()
        .filter(rule -> rule.start() == RetentionRule.Start.MARKETING_OPT_OUT)
        .findFirst();
  }
}
