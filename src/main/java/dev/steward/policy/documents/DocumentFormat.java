package dev.steward.policy.documents;

import dev.steward.error.InvalidInputException;
import java.util.List;
import java.util.Locale;

/** A file format a generated document can be written in. */
public enum DocumentFormat {
  HTML("html", "text/html; charset=utf-8", "html"),
  MARKDOWN("md", "text/markdown; charset=utf-8", "md"),
  CSV("csv", "text/csv; charset=utf-8", "csv"),
  JSON("json", "application/json", "json"),
  PDF("pdf", "application/pdf", "pdf");

  private final String name;
  private final String mediaType;
  private final String extension;

  DocumentFormat(String name, String mediaType, String extension) {
    this.name = name;
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /** The name used on the command line and in {@code ?format=}. */
  public String formatName() {
    return name;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** Whether a browser should save it rather than show it. */
  public boolean isDownload() {
    return this == CSV || this == PDF;
  }

  /**
   * The format named {@code name} among those a document offers.
   *
   * @throws InvalidInputException naming the allowed formats
   */
  public static DocumentFormat parse(String name, List<DocumentFormat> allowed) {
    String wanted = name == null ? "" : name.toLowerCase(Locale.ROOT);
    return allowed.stream()
        .filter(format -> format.name.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "unknown format '"
                        + name
                        + "'; use one of "
                        + String.join(
                            ", ", allowed.stream().map(DocumentFormat::formatName).toList())));
  }
}
