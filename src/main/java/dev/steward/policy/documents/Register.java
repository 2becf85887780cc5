package dev.steward.policy.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.steward.policy.documents.Document.Paragraph;
import dev.steward.policy.documents.Document.Section;
import dev.steward.policy.documents.Document.Table;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A register as rows of named columns, each cell holding zero or more values: written as CSV (RFC
 * 4180: CRLF line ends, fields quoted where needed, several values joined with {@code "; "}), as
 * JSON (an object per row, arrays for multi-valued columns), or as a one-table {@link Document}.
 *
 * @param columns in order; the keys are the CSV header and the JSON field names
 * @param header facts about the whole register, written before the rows in JSON
 */
record Register(
    String title,
    List<String> lead,
    List<Column> columns,
    List<List<List<String>>> rows,
    Map<String, Object> header) {

  static final String VALUE_SEPARATOR = "; ";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A column: its stable key, its heading in the document's language, one value or several. */
  record Column(String key, String heading, boolean multi) {}

  byte[] csv() {
    StringBuilder out = new StringBuilder();
    line(out, columns.stream().map(Column::key).toList());
    for (List<List<String>> row : rows) {
      line(out, row.stream().map(values -> String.join(VALUE_SEPARATOR, values)).toList());
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      out.append(i == 0 ? "" : ",").append(csvField(fields.get(i)));
    }
    out.append("\r\n");
  }

  static String csvField(String field) {
    boolean quote =
        field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
    return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }

  byte[] json(String rowsKey) {
    Map<String, Object> body = new LinkedHashMap<>(header);
    List<Map<String, Object>> items = new ArrayList<>();
    for (List<List<String>> row : rows) {
      Map<String, Object> item = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        List<String> values = row.get(i);
        item.put(columns.get(i).key(), columns.get(i).multi() ? values : String.join(" ", values));
      }
      items.add(item);
    }
    body.put(rowsKey, items);
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The register as one table, values joined as a list in the document's language. */
  Document document(Wording wording, String sectionId, String caption, String footer) {
    List<List<String>> cells =
        rows.stream().map(row -> row.stream().map(wording::join).toList()).toList();
    Table table = new Table(caption, columns.stream().map(Column::heading).toList(), cells);
    List<Document.Block> blocks = new ArrayList<>();
    if (rows.isEmpty()) {
      blocks.add(new Paragraph(wording.text("ropa.none")));
    } else {
      blocks.add(table);
    }
    return new Document(
        wording.language().tag(),
        title,
        lead,
        List.of(new Section(sectionId, caption, blocks)),
        false,
        footer);
  }
}
