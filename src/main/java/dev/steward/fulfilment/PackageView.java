package dev.steward.fulfilment;

import java.time.Instant;
import java.util.List;

/**
 * The content of an access package, as written to {@code data.json} (schema in
 * docs/access-package.md and {@code access-package.schema.json}) and shown by {@code report.html}.
 * Holds personal data.
 */
public record PackageView(
    int schemaVersion,
    String requestId,
    String subjectId,
    Instant generatedAt,
    String language,
    List<CategoryView> categories,
    List<RightView> rights,
    List<AuthorityView> complaintAuthorities) {

  /**
   * GDPR Art. 15(1)(a)–(e), (g) per category, with its items; {@code purposes} are those its items
   * were collected for.
   */
  public record CategoryView(
      String id,
      String name,
      List<String> purposes,
      List<String> legalBases,
      List<String> sources,
      List<String> recipientsDisclosedTo,
      List<String> recipientCategories,
      List<String> retention,
      List<String> transfers,
      List<ItemView> items) {}

  /**
   * One item with the purposes it was collected for (GDPR Art. 15(1)(a)); {@code redacted} when it
   * is about another person (GDPR Art. 15(4)).
   */
  public record ItemView(
      String id,
      String system,
      String source,
      Instant collectedAt,
      List<String> purposes,
      String value,
      boolean redacted,
      boolean providedBySubject) {}

  /** A right the person has under one of the request's jurisdictions. */
  public record RightView(String jurisdiction, String right) {}

  public record AuthorityView(String jurisdiction, String name, String url) {}
}
