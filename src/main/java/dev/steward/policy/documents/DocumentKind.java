package dev.steward.policy.documents;

import java.util.List;

/** The documents Steward generates from a policy, and the formats each can be written in. */
public enum DocumentKind {
  /** The public privacy notice. */
  NOTICE("privacy-notice", List.of(DocumentFormat.HTML, DocumentFormat.MARKDOWN)),
  /** The record of processing activities, GDPR Art. 30(1). */
  PROCESSING_RECORD(
      "ropa",
      List.of(DocumentFormat.CSV, DocumentFormat.JSON, DocumentFormat.HTML, DocumentFormat.PDF)),
  /** The processors and sub-processors. */
  SUB_PROCESSORS(
      "subprocessors", List.of(DocumentFormat.CSV, DocumentFormat.JSON, DocumentFormat.HTML)),
  /** The register of cross-border transfers and their safeguards. */
  TRANSFERS("transfers", List.of(DocumentFormat.CSV, DocumentFormat.JSON, DocumentFormat.HTML));

  private final String slug;
  private final List<DocumentFormat> formats;

  DocumentKind(String slug, List<DocumentFormat> formats) {
    this.slug = slug;
    this.formats = formats;
  }

  /** The start of the file names of this document, e.g. {@code ropa}. */
  public String slug() {
    return slug;
  }

  public List<DocumentFormat> formats() {
    return formats;
  }

  /**
   * The named format, if this document offers it.
   *
   * @throws dev.steward.error.InvalidInputException naming the formats it offers
   */
  public DocumentFormat format(String name) {
    return DocumentFormat.parse(name, formats);
  }
}
