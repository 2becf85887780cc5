package dev.steward.policy.documents;

import dev.steward.policy.Policy;
import dev.steward.policy.documents.Register.Column;
import java.util.List;

/** Every cross-border flow of the policy with its safeguards (GDPR Art. 30(1)(e), PIPL Art. 38). */
final class TransfersRegister {
  private TransfersRegister() {}

  static Register register(Policy policy, Wording wording) {
    Names names = new Names(policy, wording);
    List<Column> columns =
        List.of(
            new Column("id", wording.text("register.id"), false),
            new Column("from", wording.text("transfers.from"), false),
            new Column("to", wording.text("transfers.to"), true),
            new Column("safeguards", wording.text("transfers.safeguards"), true),
            new Column("consent", wording.text("register.consent"), false),
            new Column("international_organisation", wording.text("register.organisation"), false),
            new Column("data_categories", wording.text("transfers.categories"), true));
    List<List<List<String>>> rows =
        policy.transfers().stream()
            .map(
                t ->
                    List.of(
                        List.of(t.id()),
                        List.of(wording.country(t.from())),
                        t.to().stream().map(wording::country).toList(),
                        SubProcessorList.values(
                            wording,
                            t.mechanisms().stream()
                                .map(m -> wording.label("mechanism", m))
                                .toList()),
                        List.of(
                            t.consent()
                                .map(c -> wording.label("consent-form", c))
                                .orElse(wording.text("ropa.none"))),
                        List.of(
                            t.internationalOrganisation()
                                .map(yes -> wording.text(yes ? "answer.yes" : "answer.no"))
                                .orElse(wording.unstated())),
                        SubProcessorList.values(
                            wording,
                            t.categories().stream()
                                .map(id -> names.categories(List.of(id)))
                                .toList())))
            .toList();
    return new Register(
        wording.text("register.title"),
        List.of(wording.text("register.lead", policy.version())),
        columns,
        rows,
        SubProcessorList.header(policy, wording));
  }
}
