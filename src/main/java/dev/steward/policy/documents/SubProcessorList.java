package dev.steward.policy.documents;

import dev.steward.policy.Policy;
import dev.steward.policy.Recipient;
import dev.steward.policy.documents.Register.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The processors and sub-processors that handle personal data for the company (GDPR Art. 28). */
final class SubProcessorList {
  private SubProcessorList() {}

  static Register register(Policy policy, Wording wording) {
    Names names = new Names(policy, wording);
    List<Column> columns =
        List.of(
            new Column("id", "id", false),
            new Column("name", wording.text("subprocessors.name"), false),
            new Column("legal_name", wording.text("subprocessors.legal-name"), false),
            new Column("kind", wording.text("subprocessors.kind"), false),
            new Column("country", wording.text("subprocessors.country"), false),
            new Column("data_categories", wording.text("subprocessors.categories"), true),
            new Column("purposes", wording.text("subprocessors.purposes"), true));
    List<List<List<String>>> rows =
        policy.recipients().stream()
            .filter(
                r ->
                    r.kind() == Recipient.Kind.PROCESSOR
                        || r.kind() == Recipient.Kind.SUB_PROCESSOR)
            .map(
                r ->
                    List.of(
                        List.of(r.id()),
                        List.of(r.name()),
                        List.of(r.legalName().map(wording::orUnstated).orElse(wording.unstated())),
                        List.of(wording.label("recipient", r.kind())),
                        List.of(r.country().map(wording::country).orElse(wording.unstated())),
                        values(
                            wording,
                            r.categories().stream()
                                .map(id -> names.categories(List.of(id)))
                                .toList()),
                        r.purposes().isEmpty()
                            ? List.of(wording.text("recipients.any-purpose"))
                            : r.purposes().stream().map(names::purpose).toList()))
            .toList();
    return new Register(
        wording.text("subprocessors.title"),
        List.of(wording.text("subprocessors.lead", policy.version())),
        columns,
        rows,
        header(policy, wording));
  }

  /** An empty list from the policy means it did not say: the cell reads "not stated". */
  static List<String> values(Wording wording, List<String> values) {
    return values.isEmpty() ? List.of(wording.unstated()) : values;
  }

  static Map<String, Object> header(Policy policy, Wording wording) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("version", policy.version());
    header.put("effective_date", policy.effectiveDate());
    header.put("language", wording.language().tag());
    return header;
  }
}
