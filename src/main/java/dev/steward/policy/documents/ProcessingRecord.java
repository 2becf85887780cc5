package dev.steward.policy.documents;

import dev.steward.policy.Contact;
import dev.steward.policy.Entity;
import dev.steward.policy.OfferedDocument;
import dev.steward.policy.Policy;
import dev.steward.policy.Purpose;
import dev.steward.policy.RetentionRule;
import dev.steward.policy.Transfer;
import dev.steward.policy.documents.Document.Fact;
import dev.steward.policy.documents.Document.Facts;
import dev.steward.policy.documents.Document.Paragraph;
import dev.steward.policy.documents.Document.Section;
import dev.steward.policy.documents.Document.Table;
import dev.steward.policy.documents.Register.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The record of processing activities of GDPR Art. 30(1): the controllers and the DPO (a), then one
 * entry per purpose with its legal bases (b), people and data (c), recipients (d), transfers and
 * their safeguards (e), retention limits (f) and security measures (g).
 */
final class ProcessingRecord {
  private final Policy policy;
  private final Wording wording;
  private final Names names;
  private final List<Column> columns;

  ProcessingRecord(Policy policy, Wording wording) {
    this.policy = policy;
    this.wording = wording;
    this.names = new Names(policy, wording);
    this.columns =
        List.of(
            new Column("purpose_id", "id", false),
            new Column("purpose", wording.text("ropa.purpose"), false),
            new Column("legal_bases", wording.text("ropa.legal-bases"), true),
            new Column("controllers", wording.text("ropa.controllers"), true),
            new Column("dpo", wording.text("ropa.controllers.dpo"), false),
            new Column("data_subjects", wording.text("ropa.subjects"), true),
            new Column("data_categories", wording.text("ropa.categories"), true),
            new Column("recipients", wording.text("ropa.recipients"), true),
            new Column("transfers", wording.text("ropa.transfers"), true),
            new Column("retention", wording.text("ropa.retention"), true),
            new Column("security_measures", wording.text("ropa.security"), true));
  }

  Register register() {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("version", policy.version());
    header.put("effective_date", policy.effectiveDate());
    header.put("language", wording.language().tag());
    header.put("controllers", controllers().stream().map(c -> String.join(", ", c)).toList());
    header.put("dpo", dpo());
    List<List<List<String>>> rows = policy.purposes().stream().map(this::row).toList();
    return new Register(wording.text("ropa.title"), List.of(), columns, rows, header);
  }

  Document document() {
    List<Section> activities = new ArrayList<>();
    for (Purpose purpose : policy.purposes()) {
      List<List<String>> row = row(purpose);
      List<Fact> facts = new ArrayList<>();
      for (int i = 2; i < columns.size(); i++) {
        if (!columns.get(i).key().equals("controllers") && !columns.get(i).key().equals("dpo")) {
          facts.add(new Fact(columns.get(i).heading(), wording.join(row.get(i))));
        }
      }
      activities.add(
          new Section("purpose-" + purpose.id(), purpose.name(), List.of(new Facts(facts))));
    }
    Table controllers =
        new Table(
            wording.text("ropa.controllers"),
            List.of(
                wording.text("controllers.entity"),
                wording.text("controllers.country"),
                wording.text("contact.heading")),
            controllers());
    List<Section> sections =
        List.of(
            new Section(
                "controllers",
                wording.text("ropa.controllers"),
                List.of(
                    controllers,
                    new Paragraph(wording.text("ropa.controllers.dpo") + ": " + dpo()))),
            new Section("activities", wording.text("ropa.activities"), List.of(), activities));
    return new Document(
        wording.language().tag(),
        wording.text("ropa.title"),
        List.of(wording.text("ropa.lead", policy.version())),
        sections,
        false,
        wording.text("document.generated", policy.version()));
  }

  private List<List<String>> controllers() {
    return policy.entities().stream()
        .filter(e -> e.roles().contains(Entity.Role.CONTROLLER))
        .map(e -> List.of(e.legalName(), wording.country(e.country()), contacts(e)))
        .toList();
  }

  private String contacts(Entity entity) {
    List<String> routes =
        entity.contacts().stream()
            .map(
                c ->
                    String.join(
                        ", ",
                        Stream.of(c.post(), c.email(), c.phone(), c.web())
                            .flatMap(java.util.Optional::stream)
                            .toList()))
            .toList();
    return wording.join(routes);
  }

  private String dpo() {
    return policy
        .dpo()
        .map(
            dpo -> {
              String title = dpo.title().orElse(wording.text("contact.dpo.title"));
              if (dpo.external().isPresent()) {
                // GDPR Art. 37(6): serving under a service contract with the designating entity.
                return title
                    + ", "
                    + names.externalDpo(dpo.external().get())
                    + ", "
                    + wording.text("ropa.dpo.external", names.controller(dpo.entity()))
                    + ", "
                    + names.channels(dpo.external().get());
              }
              String via =
                  dpo.contact().flatMap(names::contact).map(this::route).orElse(wording.unstated());
              return title + ", " + names.controller(dpo.entity()) + ", " + via;
            })
        .orElse(wording.unstated());
  }

  private String route(Contact contact) {
    return String.join(
        ", ",
        Stream.of(contact.post(), contact.email(), contact.phone())
            .flatMap(java.util.Optional::stream)
            .toList());
  }

  private List<List<String>> row(Purpose purpose) {
    return List.of(
        List.of(purpose.id()),
        List.of(purpose.name()),
        purpose.legalBases().stream().map(b -> wording.legalBasis(b) + " (" + b + ")").toList(),
        controllers().stream().map(c -> c.get(0)).toList(),
        List.of(dpo()),
        purpose.subjectTypes().stream().map(id -> names.subjectTypes(List.of(id))).toList(),
        purpose.categories().stream().map(id -> names.categories(List.of(id))).toList(),
        orNone(RecordLinks.recipients(policy, purpose).stream().map(r -> r.name()).toList()),
        orNone(RecordLinks.transfers(policy, purpose).stream().map(this::transfer).toList()),
        SubProcessorList.values(
            wording, RecordLinks.retention(policy, purpose).stream().map(this::retention).toList()),
        SubProcessorList.values(wording, security()));
  }

  /** The policy lists every recipient and transfer, so none found means there are none. */
  private List<String> orNone(List<String> values) {
    return values.isEmpty() ? List.of(wording.text("ropa.none")) : values;
  }

  private String transfer(Transfer transfer) {
    return wording.text(
        "ropa.transfer",
        wording.country(transfer.from()),
        wording.join(transfer.to().stream().map(wording::country).toList()),
        wording.labels("mechanism", transfer.mechanisms()));
  }

  private String retention(RetentionRule rule) {
    String data = rule.categories().isEmpty() ? "" : names.categories(rule.categories()) + ": ";
    return data + KeepingSections.limit(wording, rule);
  }

  private List<String> security() {
    return policy.documents().stream()
        .filter(d -> d.kind() == OfferedDocument.Kind.SECURITY_POLICIES)
        .map(d -> wording.text("ropa.security.documented", d.name()))
        .toList();
  }
}
