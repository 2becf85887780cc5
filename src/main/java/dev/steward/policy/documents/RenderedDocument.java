package dev.steward.policy.documents;

/**
 * A document written out in one format, ready to save or send.
 *
 * @param fileName a suggested file name, e.g. {@code ropa-2019-10.csv}
 */
public record RenderedDocument(
    byte[] content, DocumentFormat format, DocumentLanguage language, String fileName) {

  public String mediaType() {
    return format.mediaType();
  }
}
