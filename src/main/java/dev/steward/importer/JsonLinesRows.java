package dev.steward.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * JSON Lines rows: one JSON object per line, the mapping's columns being its top-level keys, each a
 * string, number or boolean (or null/absent). A row is rejected with {@code line-too-long}, {@code
 * invalid-utf8}, {@code malformed-json}, {@code not-a-json-object}, {@code not-a-scalar} or {@code
 * field-too-long}; the next line is read regardless.
 */
final class JsonLinesRows implements RowSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteInput in;
  private final List<String> columns;
  private final Limits limits;
  private final Utf8 utf8 = new Utf8();
  private final byte[] line;

  JsonLinesRows(ByteInput in, List<String> columns, Limits limits) {
    this.in = in;
    this.columns = List.copyOf(columns);
    this.limits = limits;
    this.line = new byte[limits.maxLineBytes()];
  }

  @Override
  public void resumeAt(long offset, long lineNumber) throws IOException {
    in.skipTo(offset, lineNumber);
  }

  @Override
  public Row next() throws IOException {
    while (in.peek() >= 0) {
      long number = in.line();
      int length = 0;
      for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
        if (length == line.length) {
          in.skipLine();
          return Row.rejected(number, in.offset(), in.line() - 1, "line-too-long", null);
        }
        line[length++] = (byte) b;
      }
      if (length > 0 && line[length - 1] == '\r') {
        length--;
      }
      if (isBlank(length)) {
        continue;
      }
      return parse(number, length);
    }
    return null;
  }

  private Row parse(long number, int length) {
    String text = utf8.decode(line, length);
    if (text == null) {
      return Row.rejected(number, in.offset(), in.line() - 1, "invalid-utf8", null);
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      // The parser's message quotes the input; only the reason is kept.
      return Row.rejected(number, in.offset(), in.line() - 1, "malformed-json", null);
    }
    if (node == null || !node.isObject()) {
      return Row.rejected(number, in.offset(), in.line() - 1, "not-a-json-object", null);
    }
    String[] values = new String[columns.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode value = node.get(columns.get(i));
      if (value == null || value.isNull()) {
        continue;
      }
      if (!value.isValueNode()) {
        return Row.rejected(number, in.offset(), in.line() - 1, "not-a-scalar", columns.get(i));
      }
      String textValue = value.asText();
      if (textValue.length() > limits.maxFieldBytes()) {
        return Row.rejected(number, in.offset(), in.line() - 1, "field-too-long", columns.get(i));
      }
      values[i] = textValue.isEmpty() ? null : textValue;
    }
    return new Row(number, in.offset(), in.line() - 1, values, null, null);
  }

  private boolean isBlank(int length) {
    for (int i = 0; i < length; i++) {
      if (line[i] != ' ' && line[i] != '\t') {
        return false;
      }
    }
    return true;
  }
}
