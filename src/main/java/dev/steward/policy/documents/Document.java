package dev.steward.policy.documents;

import java.util.List;

/**
 * A generated document before it is written out: a title, sections with stable anchors, and blocks
 * of text already in the document's language. HTML, Markdown and PDF are all written from this one
 * shape, so every format carries the same content. Immutable.
 *
 * @param lang the BCP 47 tag of the text, e.g. {@code zh-CN}
 * @param lead paragraphs shown under the title, before the sections
 * @param contents whether a table of contents leads the sections
 * @param footer a closing line naming the policy version the document came from
 */
public record Document(
    String lang,
    String title,
    List<String> lead,
    List<Section> sections,
    boolean contents,
    String footer) {

  public Document {
    lead = List.copyOf(lead);
    sections = List.copyOf(sections);
  }

  /**
   * A part of the document under one heading.
   *
   * @param id the anchor, stable across languages and versions, e.g. {@code rights}
   * @param subsections parts one heading level down
   */
  public record Section(String id, String heading, List<Block> blocks, List<Section> subsections) {
    public Section {
      blocks = List.copyOf(blocks);
      subsections = List.copyOf(subsections);
    }

    public Section(String id, String heading, List<Block> blocks) {
      this(id, heading, blocks, List.of());
    }
  }

  /** A unit of content inside a section. */
  public sealed interface Block {}

  public record Paragraph(String text) implements Block {}

  public record Bullets(List<String> items) implements Block {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /** Term and description pairs, e.g. the channels of a contact route. */
  public record Facts(List<Fact> facts) implements Block {
    public Facts {
      facts = List.copyOf(facts);
    }
  }

  public record Fact(String term, String description) {}

  /**
   * A table whose first cell in each row names the row.
   *
   * @param caption what the table lists; always present, for screen readers
   */
  public record Table(String caption, List<String> headers, List<List<String>> rows)
      implements Block {
    public Table {
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }
}
