package dev.steward.importer;

import dev.steward.error.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV rows (RFC 4180: comma-separated, double quotes around fields that hold commas, quotes or line
 * breaks, quotes doubled inside them; CRLF or LF) after a header row that names the columns. Reads
 * bytes, so field and line caps apply before any decoding and an oversized line is skipped to its
 * end. A row is rejected with {@code wrong-column-count}, {@code invalid-utf8}, {@code
 * field-too-long}, {@code line-too-long} or {@code unterminated-quote}.
 */
final class CsvRows implements RowSource {
  private static final Object BLANK = new Object();

  private final ByteInput in;
  private final Limits limits;
  private final Utf8 utf8 = new Utf8();
  private final byte[] field;
  private final List<String> fields = new ArrayList<>();
  private final List<String> header;
  private final int[] wanted;
  private int fieldLength;
  private boolean fieldTooLong;
  private String reject;
  private String rejectColumn;

  CsvRows(ByteInput in, List<String> columns, Limits limits, String file) throws IOException {
    this.in = in;
    this.limits = limits;
    this.field = new byte[limits.maxFieldBytes()];
    Object first = in.peek() < 0 ? null : record();
    if (!(first instanceof List<?>) || reject != null) {
      throw new InvalidInputException(file + " has no readable CSV header row on line 1");
    }
    this.header = new ArrayList<>(fields.size());
    fields.forEach(name -> header.add(name == null ? "" : name.strip()));
    header.set(0, header.get(0).replace("\uFEFF", ""));
    Map<String, Integer> index = new HashMap<>();
    for (int i = header.size() - 1; i >= 0; i--) {
      index.put(header.get(i), i);
    }
    this.wanted = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      Integer at = index.get(columns.get(i));
      wanted[i] = at == null ? -1 : at;
    }
  }

  /** Columns the mapping names that the header lacks. */
  List<String> missing(List<String> columns) {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < wanted.length; i++) {
      if (wanted[i] < 0) {
        missing.add(columns.get(i));
      }
    }
    return missing;
  }

  @Override
  public void resumeAt(long offset, long line) throws IOException {
    if (offset > in.offset()) {
      in.skipTo(offset, line);
    }
  }

  @Override
  public Row next() throws IOException {
    while (in.peek() >= 0) {
      long line = in.line();
      Object read = record();
      if (read == BLANK) {
        continue;
      }
      if (read instanceof Row tooLong) {
        return tooLong;
      }
      if (reject == null && fields.size() != header.size()) {
        return Row.rejected(line, in.offset(), in.line() - 1, "wrong-column-count", null);
      }
      if (reject != null) {
        return Row.rejected(line, in.offset(), in.line() - 1, reject, rejectColumn);
      }
      String[] values = new String[wanted.length];
      for (int i = 0; i < wanted.length; i++) {
        String value = fields.get(wanted[i]);
        values[i] = value == null || value.isEmpty() ? null : value;
      }
      return new Row(line, in.offset(), in.line() - 1, values, null, null);
    }
    return null;
  }

  /** Reads one record into {@link #fields}: the list, {@link #BLANK}, or a rejected row. */
  private Object record() throws IOException {
    long line = in.line();
    fields.clear();
    reject = null;
    rejectColumn = null;
    startField();
    boolean quoted = false;
    boolean wasQuoted = false;
    long bytes = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (quoted && reject == null) {
          reject = "unterminated-quote";
        }
        break;
      }
      if (++bytes > limits.maxLineBytes()) {
        in.skipLine();
        // A field over its cap is the more precise reason when it is what made the line too long.
        return fieldTooLong
            ? Row.rejected(line, in.offset(), in.line() - 1, "field-too-long", column())
            : Row.rejected(line, in.offset(), in.line() - 1, "line-too-long", null);
      }
      if (quoted) {
        if (b != '"') {
          append(b);
        } else if (in.peek() == '"') {
          in.read();
          bytes++;
          append('"');
        } else {
          quoted = false;
        }
      } else if (b == ',') {
        endField();
        wasQuoted = false;
      } else if (b == '\n') {
        break;
      } else if (b == '\r' && in.peek() == '\n') {
        in.read();
        break;
      } else if (b == '"' && fieldLength == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else {
        append(b);
      }
    }
    if (fields.isEmpty() && fieldLength == 0 && !wasQuoted && reject == null) {
      return BLANK;
    }
    endField();
    return fields;
  }

  private void append(int b) {
    if (fieldLength == field.length) {
      fieldTooLong = true;
    } else {
      field[fieldLength++] = (byte) b;
    }
  }

  private void endField() {
    String value = fieldTooLong ? null : utf8.decode(field, fieldLength);
    if (reject == null && (fieldTooLong || value == null)) {
      reject = fieldTooLong ? "field-too-long" : "invalid-utf8";
      rejectColumn = column();
    }
    fields.add(value);
    startField();
  }

  /** The header name of the field being read, if the header has one. */
  private String column() {
    return header == null || fields.size() >= header.size() ? null : header.get(fields.size());
  }

  private void startField() {
    fieldLength = 0;
    fieldTooLong = false;
  }
}
