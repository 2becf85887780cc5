package dev.steward.importer;

import dev.steward.importer.ImportMapping.Disclosure;
import dev.steward.importer.LocatedYaml.Mapping;
import dev.steward.importer.LocatedYaml.Node;
import dev.steward.importer.LocatedYaml.Sequence;
import dev.steward.vault.VaultVocabulary.Term;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a mapping's {@code disclosures} section: the recipients of the policy that every imported
 * person's data went to, with categories, purpose, legal basis, reason and time, each checked
 * against the policy and every problem located.
 */
final class DisclosureFields {
  static final String KEY = "disclosures";
  private static final Set<String> KEYS =
      Set.of(
          "recipient",
          "categories",
          "purpose",
          "legal_basis",
          "reason",
          "disclosed_at",
          "disclosed_at_column");
  private static final int MAX_REASON = 500;

  private final MappingFields fields;

  DisclosureFields(MappingFields fields) {
    this.fields = fields;
  }

  /** The declared disclosures; {@code defaultBasis} stands in for a missing legal basis. */
  List<Disclosure> read(Mapping root, String defaultBasis) {
    LocatedYaml.Entry entry = root.entries().get(KEY);
    if (entry == null) {
      return List.of();
    }
    if (!(entry.value() instanceof Sequence sequence) || sequence.items().isEmpty()) {
      fields.problem(entry.value(), "disclosures is a list of disclosures, at least one");
      return List.of();
    }
    List<Disclosure> disclosures = new ArrayList<>();
    for (Node item : sequence.items()) {
      if (!(item instanceof Mapping disclosure)) {
        fields.problem(
            item, "a disclosure is a mapping with recipient, categories, purpose and a time");
        continue;
      }
      Disclosure read = disclosure(disclosure, defaultBasis);
      if (read != null) {
        disclosures.add(read);
      }
    }
    return disclosures;
  }

  private Disclosure disclosure(Mapping item, String defaultBasis) {
    fields.onlyKeys(item, KEYS, "");
    String recipient = fields.term(item, "recipient", Term.RECIPIENT, true);
    List<String> categories = fields.terms(item, "categories", Term.CATEGORY);
    String purpose = fields.term(item, "purpose", Term.PURPOSE, true);
    String basis = fields.term(item, "legal_basis", Term.LEGAL_BASIS, false);
    String reason = fields.text(item, "reason", false);
    if (reason != null && reason.length() > MAX_REASON) {
      fields.problem(
          item.entries().get("reason").value(),
          "the reason is longer than " + MAX_REASON + " characters");
    }
    Instant at = null;
    String fixed = fields.text(item, "disclosed_at", false);
    if (fixed != null) {
      try {
        at = RowConverter.instant(fixed.strip());
      } catch (DateTimeParseException e) {
        fields.problem(
            item.entries().get("disclosed_at").value(),
            "disclosed_at is an ISO date or date-time, e.g. 2025-03-01 or 2025-03-01T09:30:00Z;"
                + " to read it from a column, use disclosed_at_column");
      }
    }
    String column = fields.column(item, "disclosed_at_column");
    if (fixed != null && column != null) {
      fields.problem(item, "give disclosed_at or disclosed_at_column, not both");
      return null;
    }
    if (fixed == null && column == null) {
      // A guessed time would make the access report and the Art. 19 notices inexact.
      fields.problem(item, "say when: disclosed_at (a fixed time) or disclosed_at_column");
      return null;
    }
    if (recipient == null
        || purpose == null
        || categories.isEmpty()
        || (fixed != null && at == null)) {
      return null;
    }
    return new Disclosure(
        recipient, categories, purpose, basis == null ? defaultBasis : basis, reason, at, column);
  }
}
