package dev.steward.policy.documents;

import dev.steward.policy.documents.Document.Block;
import dev.steward.policy.documents.Document.Bullets;
import dev.steward.policy.documents.Document.Fact;
import dev.steward.policy.documents.Document.Facts;
import dev.steward.policy.documents.Document.Paragraph;
import dev.steward.policy.documents.Document.Section;
import dev.steward.policy.documents.Document.Table;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link Document} as CommonMark with GFM tables. Each heading carries an explicit anchor
 * so links into the notice work the same as in the HTML page. Text from the policy is escaped so it
 * cannot turn into markup.
 */
final class MarkdownWriter {
  private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>|#]");

  private final StringBuilder out = new StringBuilder();

  private MarkdownWriter() {}

  static String write(Document document) {
    MarkdownWriter writer = new MarkdownWriter();
    writer.document(document);
    return writer.out.toString();
  }

  private void document(Document document) {
    out.append("# ").append(escape(document.title())).append("\n\n");
    document.lead().forEach(p -> out.append(escape(p)).append("\n\n"));
    if (document.contents()) {
      int number = 1;
      for (Section section : document.sections()) {
        out.append(number++).append(". [").append(escape(section.heading())).append("](#");
        out.append(section.id()).append(")\n");
      }
      out.append('\n');
    }
    for (Section section : document.sections()) {
      section(section, "## ");
      section.subsections().forEach(part -> section(part, "### "));
    }
    out.append("---\n\n").append(escape(document.footer())).append('\n');
  }

  private void section(Section section, String level) {
    out.append(level).append("<a id=\"").append(section.id()).append("\"></a>");
    out.append(escape(section.heading())).append("\n\n");
    section.blocks().forEach(this::block);
  }

  private void block(Block block) {
    if (block instanceof Paragraph paragraph) {
      out.append(escape(paragraph.text())).append("\n\n");
    } else if (block instanceof Bullets bullets) {
      bullets.items().forEach(item -> out.append("- ").append(escape(item)).append('\n'));
      out.append('\n');
    } else if (block instanceof Facts facts) {
      for (Fact fact : facts.facts()) {
        out.append("- **").append(escape(fact.term())).append(":** ");
        out.append(escape(fact.description())).append('\n');
      }
      out.append('\n');
    } else if (block instanceof Table table) {
      out.append("**").append(escape(table.caption())).append("**\n\n");
      row(table.headers());
      out.append('|').append(" --- |".repeat(table.headers().size())).append('\n');
      table.rows().forEach(this::row);
      out.append('\n');
    }
  }

  private void row(List<String> cells) {
    out.append('|');
    cells.forEach(cell -> out.append(' ').append(escape(cell)).append(" |"));
    out.append('\n');
  }

  static String escape(String text) {
    String flat = text.replace('\n', ' ');
    return SPECIAL.matcher(flat).replaceAll(m -> "\\\\" + Matcher.quoteReplacement(m.group()));
  }
}
