package dev.steward.policy.documents;

import dev.steward.policy.Exemption;
import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Jurisdiction.Right;
import dev.steward.policy.Law;
import dev.steward.policy.Policy;
import dev.steward.policy.documents.Document.Block;
import dev.steward.policy.documents.Document.Bullets;
import dev.steward.policy.documents.Document.Fact;
import dev.steward.policy.documents.Document.Facts;
import dev.steward.policy.documents.Document.Paragraph;
import dev.steward.policy.documents.Document.Section;
import dev.steward.policy.documents.Document.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The notice's section on people's rights: one part per law, with who answers, how to ask, how the
 * person is verified, how long the answer may take, and where to complain.
 */
final class RightsSection {
  private final Policy policy;
  private final Wording wording;
  private final Names names;

  RightsSection(Policy policy, Wording wording, Names names) {
    this.policy = policy;
    this.wording = wording;
    this.names = names;
  }

  Section section() {
    List<Section> parts =
        policy.jurisdictions().stream()
            // The company's own promises are explained where they apply, not as a law's rights.
            .filter(jurisdiction -> jurisdiction.law() != Law.COMPANY)
            .map(this::part)
            .toList();
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph(wording.text("rights.intro")));
    if (!policy.exemptions().isEmpty()) {
      blocks.add(new Paragraph(wording.text("rights.limits")));
      blocks.add(new Bullets(policy.exemptions().stream().map(this::exemption).toList()));
    }
    return new Section("rights", wording.text("rights.heading"), blocks, parts);
  }

  private String exemption(Exemption exemption) {
    return wording.label("ground", exemption.ground())
        + " ("
        + wording.labels("right", exemption.rights())
        + ")";
  }

  private Section part(Jurisdiction jurisdiction) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact(wording.text("rights.law"), wording.label("law", jurisdiction.law())));
    facts.add(
        new Fact(wording.text("rights.controller"), names.controller(jurisdiction.controller())));
    List<String> authorities =
        jurisdiction.complaintAuthorities().stream()
            .filter(a -> !Wording.isUnstated(a.name()) || !wording.forPublicNotice())
            .map(this::authority)
            .toList();
    if (!authorities.isEmpty() || !wording.forPublicNotice()) {
      facts.add(new Fact(wording.text("rights.authorities"), wording.join(authorities)));
    }
    if (!jurisdiction.commitments().isEmpty()) {
      facts.add(
          new Fact(
              wording.text("rights.commitments"),
              wording.labels("commitment", jurisdiction.commitments())));
    }
    List<List<String>> rows =
        jurisdiction.rights().stream().map(r -> row(jurisdiction, r)).toList();
    List<Block> blocks =
        List.of(
            new Facts(facts),
            new Table(
                wording.text("rights.table", jurisdiction.name()),
                List.of(
                    wording.text("rights.right"),
                    wording.text("rights.how"),
                    wording.text("rights.verification"),
                    wording.text("rights.deadline"),
                    wording.text("rights.notes")),
                rows));
    return new Section("rights-" + jurisdiction.id(), jurisdiction.name(), blocks);
  }

  private List<String> row(Jurisdiction jurisdiction, Right right) {
    List<String> notes = new ArrayList<>();
    right.confirm().ifPresent(c -> notes.add(wording.text("rights.confirm", wording.deadline(c))));
    right
        .extension()
        .ifPresent(
            e ->
                notes.add(
                    Wording.isUnstated(e.condition()) && wording.forPublicNotice()
                        ? wording.text("rights.extension.any", wording.deadline(e.by()))
                        : wording.text(
                            "rights.extension",
                            wording.deadline(e.by()),
                            wording.orUnstated(e.condition()))));
    right
        .fee()
        .filter(f -> !Wording.isUnstated(f) || !wording.forPublicNotice())
        .ifPresent(f -> notes.add(wording.text("rights.fee", wording.orUnstated(f))));
    if (right.authorizedAgent()) {
      notes.add(wording.text("rights.agent"));
    }
    right
        .directMarketing()
        .ifPresent(
            marketing ->
                notes.add(
                    wording.text(
                        "rights.direct-marketing",
                        names.channels(marketing.exercise(), jurisdiction.contact()),
                        wording.label("verification", marketing.verification()))));
    return List.of(
        wording.label("right", right.type()),
        names.channels(right.exercise(), jurisdiction.contact()),
        wording.label("verification", right.verification()),
        wording.deadline(right.deadline()),
        notes.isEmpty() ? wording.text("rights.no-notes") : String.join(" ", notes));
  }

  private String authority(Jurisdiction.Authority authority) {
    String name = wording.orUnstated(authority.name());
    return authority.country().map(c -> name + " (" + wording.country(c) + ")").orElse(name);
  }
}
