package dev.steward.policy.documents;

import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Jurisdiction.BreachNotice;
import dev.steward.policy.OfferedDocument;
import dev.steward.policy.Policy;
import dev.steward.policy.Transfer;
import dev.steward.policy.documents.Document.Block;
import dev.steward.policy.documents.Document.Bullets;
import dev.steward.policy.documents.Document.Paragraph;
import dev.steward.policy.documents.Document.Section;
import dev.steward.policy.documents.Document.Table;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The notice's sections on security and breaches, transfers abroad, and cookies and trackers. */
final class SafeguardSections {
  private final Policy policy;
  private final Wording wording;
  private final Names names;

  SafeguardSections(Policy policy, Wording wording, Names names) {
    this.policy = policy;
    this.wording = wording;
    this.names = names;
  }

  List<Section> sections() {
    List<Section> sections = new ArrayList<>(List.of(security(), transfers()));
    // No paragraph about cookies above an empty table: a policy naming no tracker says nothing.
    if (!policy.trackers().isEmpty()) {
      sections.add(cookies());
    }
    return sections;
  }

  private Section security() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph(wording.text("security.intro")));
    policy.documents().stream()
        .filter(d -> d.kind() == OfferedDocument.Kind.SECURITY_POLICIES)
        .forEach(d -> blocks.add(new Paragraph(wording.text("security.policies", d.name()))));
    blocks.add(new Paragraph(wording.text("security.breach")));
    List<String> clocks = new ArrayList<>();
    for (Jurisdiction jurisdiction : policy.jurisdictions()) {
      for (BreachNotice notice : jurisdiction.breach()) {
        clocks.add(jurisdiction.name() + ": " + breach(notice));
      }
    }
    blocks.add(new Bullets(wording.orNothing(clocks)));
    return new Section("security", wording.text("security.heading"), blocks);
  }

  private String breach(BreachNotice notice) {
    String when =
        notice.timing() == BreachNotice.Timing.WITHIN
            ? wording.text("breach.within", notice.within().map(wording::deadline).orElse(""))
            : wording.label("breach", notice.timing());
    String text = wording.text("breach.to", wording.label("audience", notice.to()), when);
    return notice
        .condition()
        .filter(c -> !Wording.isUnstated(c) || !wording.forPublicNotice())
        .map(c -> text + " (" + wording.orUnstated(c) + ")")
        .orElse(text);
  }

  private Section transfers() {
    List<List<String>> rows = new ArrayList<>();
    for (Transfer transfer : policy.transfers()) {
      String safeguards = wording.labels("mechanism", transfer.mechanisms());
      String consent = transfer.consent().map(c -> wording.label("consent-form", c)).orElse(null);
      rows.add(
          List.of(
              wording.country(transfer.from()),
              wording.join(transfer.to().stream().map(wording::country).toList()),
              consent == null ? safeguards : safeguards + " (" + consent + ")",
              names.categories(transfer.categories())));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph(wording.text("transfers.intro")));
    blocks.add(
        new Table(
            wording.text("transfers.table"),
            List.of(
                wording.text("transfers.from"),
                wording.text("transfers.to"),
                wording.text("transfers.safeguards"),
                wording.text("transfers.categories")),
            rows));
    // Say "none go to international organisations" only when every transfer states it.
    if (policy.transfers().stream().anyMatch(t -> t.internationalOrganisation().orElse(false))) {
      blocks.add(new Paragraph(wording.text("transfers.organisations")));
    } else if (policy.transfers().stream()
        .allMatch(t -> t.internationalOrganisation().isPresent())) {
      blocks.add(new Paragraph(wording.text("transfers.no-organisations")));
    }
    policy.documents().stream()
        .filter(d -> d.kind() == OfferedDocument.Kind.TRANSFER_SAFEGUARDS)
        .forEach(d -> blocks.add(new Paragraph(wording.text("transfers.ask", d.name()))));
    return new Section("transfers", wording.text("transfers.heading"), blocks);
  }

  private Section cookies() {
    List<List<String>> rows =
        policy.trackers().stream()
            .map(
                tracker ->
                    List.of(
                        tracker.name() + " (" + wording.label("tracker", tracker.kind()) + ")",
                        wording.orUnstated(tracker.provider()),
                        wording.label("party", tracker.party()),
                        names.purposes(tracker.purposes()),
                        duration(tracker.duration()),
                        wording.label("consent-category", tracker.category())))
            .toList();
    List<Block> blocks =
        List.of(
            new Paragraph(wording.text("cookies.intro")),
            new Table(
                wording.text("cookies.table"),
                List.of(
                    wording.text("cookies.name"),
                    wording.text("cookies.provider"),
                    wording.text("cookies.party"),
                    wording.text("cookies.purpose"),
                    wording.text("cookies.duration"),
                    wording.text("cookies.category")),
                rows),
            new Paragraph(wording.text("cookies.third-parties")),
            new Paragraph(wording.text("cookies.control")));
    return new Section("cookies", wording.text("cookies.heading"), blocks);
  }

  private String duration(String duration) {
    if (duration.equals("session")) {
      return wording.text("cookies.session");
    }
    try {
      return wording.period(Period.parse(duration));
    } catch (DateTimeParseException e) {
      return wording.orUnstated(duration);
    }
  }
}
