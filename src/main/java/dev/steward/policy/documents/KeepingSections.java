package dev.steward.policy.documents;

import dev.steward.policy.ChangeNotification;
import dev.steward.policy.OfferedDocument;
import dev.steward.policy.Policy;
import dev.steward.policy.RetentionRule;
import dev.steward.policy.documents.Document.Block;
import dev.steward.policy.documents.Document.Bullets;
import dev.steward.policy.documents.Document.Paragraph;
import dev.steward.policy.documents.Document.Section;
import dev.steward.policy.documents.Document.Table;
import java.util.ArrayList;
import java.util.List;

/** The notice's sections on retention, documents given on request, and changes to the notice. */
final class KeepingSections {
  private final Policy policy;
  private final Wording wording;
  private final Names names;

  KeepingSections(Policy policy, Wording wording, Names names) {
    this.policy = policy;
    this.wording = wording;
    this.names = names;
  }

  List<Section> sections() {
    return List.of(retention(), documents(), changes());
  }

  private Section retention() {
    List<List<String>> rows =
        policy.retentionRules().stream()
            .map(rule -> List.of(covered(rule), limit(wording, rule)))
            .toList();
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph(wording.text("retention.intro")));
    blocks.add(
        new Table(
            wording.text("retention.table"),
            List.of(wording.text("retention.data"), wording.text("retention.limit")),
            rows));
    if (policy.retentionRules().stream()
        .anyMatch(rule -> rule.start() == RetentionRule.Start.FINANCIAL_YEAR_END)) {
      blocks.add(
          new Paragraph(
              wording.text(
                  "retention.financial-year", wording.dayOfYear(policy.financialYearEnd()))));
    }
    return new Section("retention", wording.text("retention.heading"), blocks);
  }

  private String covered(RetentionRule rule) {
    List<String> parts = new ArrayList<>();
    if (!rule.categories().isEmpty()) {
      parts.add(names.categories(rule.categories()));
    }
    if (!rule.purposes().isEmpty()) {
      parts.add(wording.text("retention.for", names.purposes(rule.purposes())));
    }
    return parts.isEmpty() ? wording.unstated() : String.join(" ", parts);
  }

  /** "Deleted 6 years after the relationship ends", or "deleted as soon as ..." for no delay. */
  static String limit(Wording wording, RetentionRule rule) {
    String action = wording.label("retention-action", rule.action());
    String start = wording.label("retention-start", rule.start());
    return rule.period().isZero()
        ? wording.text("retention.at", action, start)
        : wording.text("retention.after", action, wording.period(rule.period()), start);
  }

  private Section documents() {
    List<String> items = policy.documents().stream().map(this::offered).toList();
    List<Block> blocks =
        List.of(
            new Paragraph(wording.text("documents.intro")), new Bullets(wording.orNothing(items)));
    return new Section("documents", wording.text("documents.heading"), blocks);
  }

  private String offered(OfferedDocument document) {
    return names
        .contact(document.contact())
        .flatMap(c -> c.email().or(c::post))
        .map(where -> wording.text("documents.item", document.name(), wording.orUnstated(where)))
        .orElseGet(
            () ->
                wording.text(
                    wording.forPublicNotice()
                        ? "documents.item.any-route"
                        : "documents.item.no-route",
                    document.name()));
  }

  private Section changes() {
    List<Block> blocks = new ArrayList<>();
    ChangeNotification notification = policy.changeNotification().orElse(null);
    blocks.add(
        new Paragraph(
            notification == null
                ? wording.text(wording.forPublicNotice() ? "changes.any" : "changes.unstated")
                : Wording.isUnstated(notification.scope()) && wording.forPublicNotice()
                    ? wording.text(
                        "changes.notify.any", wording.labels("channel", notification.channels()))
                    : wording.text(
                        "changes.notify",
                        wording.labels("channel", notification.channels()),
                        wording.orUnstated(notification.scope()))));
    blocks.add(
        new Paragraph(
            wording.text(
                "changes.version", policy.version(), wording.date(policy.effectiveDate()))));
    return new Section("changes", wording.text("changes.heading"), blocks);
  }
}
