package dev.steward.logscan;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits one line into named fields, without copying: a combined-format line by its positions, a
 * JSON Lines object by its keys (nested objects as dotted paths, array elements under the array's
 * name). A JSON string's field is the raw bytes between its quotes. A line that stops making sense
 * keeps the fields read so far. Reused for many lines by one thread; not thread-safe.
 */
final class LineFields {
  private static final String[] COMBINED = {
    "remote_addr",
    "ident",
    "remote_user",
    "time",
    "request",
    "status",
    "bytes",
    "referer",
    "user_agent"
  };

  private final String[] extraNames;
  private final boolean combined;
  private final boolean jsonl;
  String[] names = new String[16];
  int[] starts = new int[16];
  int[] ends = new int[16];
  int count;

  LineFields(LogSettings settings) {
    List<String> extra = settings.combinedExtraFields();
    extraNames = new String[32];
    for (int i = 0; i < extraNames.length; i++) {
      extraNames[i] = i < extra.size() ? extra.get(i) : "extra" + (i + 1);
    }
    combined = settings.formats().contains(LogFormat.COMBINED);
    jsonl = settings.formats().contains(LogFormat.JSONL);
  }

  /** Reads the line {@code [from, to)}; returns false for a line of a format not configured. */
  boolean parse(byte[] line, int from, int to) {
    count = 0;
    int i = from;
    while (i < to && (line[i] == ' ' || line[i] == '\t')) {
      i++;
    }
    if (i < to && line[i] == '{') {
      if (!jsonl) {
        return false;
      }
      object(line, i + 1, to, "");
      return true;
    }
    if (!combined) {
      return false;
    }
    combined(line, i, to);
    return true;
  }

  private void combined(byte[] line, int from, int to) {
    int i = from;
    int field = 0;
    while (i < to) {
      while (i < to && line[i] == ' ') {
        i++;
      }
      if (i >= to) {
        return;
      }
      String name =
          field < COMBINED.length
              ? COMBINED[field]
              : field - COMBINED.length < extraNames.length
                  ? extraNames[field - COMBINED.length]
                  : null;
      if (name == null) {
        return;
      }
      byte b = line[i];
      if (b == '"') {
        int end = quoted(line, i + 1, to);
        add(name, i + 1, end);
        i = end + 1;
      } else if (b == '[') {
        int end = i + 1;
        while (end < to && line[end] != ']') {
          end++;
        }
        add(name, i + 1, end);
        i = end + 1;
      } else {
        int end = i;
        while (end < to && line[end] != ' ') {
          end++;
        }
        add(name, i, end);
        i = end;
      }
      field++;
    }
  }

  /** The index of the closing quote of a string whose content starts at {@code from}. */
  private static int quoted(byte[] line, int from, int to) {
    int i = from;
    while (i < to) {
      byte b = line[i];
      if (b == '\\') {
        i += 2;
        continue;
      }
      if (b == '"') {
        return i;
      }
      i++;
    }
    return to;
  }

  /** Reads members after an opening brace; returns the index after the closing brace. */
  private int object(byte[] line, int from, int to, String prefix) {
    int i = from;
    while (true) {
      i = space(line, i, to);
      if (i >= to) {
        return to;
      }
      if (line[i] == '}') {
        return i + 1;
      }
      if (line[i] == ',') {
        i++;
        continue;
      }
      if (line[i] != '"') {
        return to;
      }
      int keyEnd = quoted(line, i + 1, to);
      String name = prefix + new String(line, i + 1, keyEnd - i - 1, StandardCharsets.UTF_8);
      i = space(line, keyEnd + 1, to);
      if (i >= to || line[i] != ':') {
        return to;
      }
      i = value(line, space(line, i + 1, to), to, name);
    }
  }

  private int value(byte[] line, int from, int to, String name) {
    if (from >= to) {
      return to;
    }
    byte b = line[from];
    if (b == '"') {
      int end = quoted(line, from + 1, to);
      add(name, from + 1, end);
      return end + 1;
    }
    if (b == '{') {
      return object(line, from + 1, to, name + ".");
    }
    if (b == '[') {
      int i = from + 1;
      while (true) {
        i = space(line, i, to);
        if (i >= to) {
          return to;
        }
        if (line[i] == ']') {
          return i + 1;
        }
        if (line[i] == ',') {
          i++;
          continue;
        }
        int after = value(line, i, to, name);
        if (after <= i) {
          return to;
        }
        i = after;
      }
    }
    int end = from;
    while (end < to && line[end] != ',' && line[end] != '}' && line[end] != ']') {
      end++;
    }
    int last = end;
    while (last > from && (line[last - 1] == ' ' || line[last - 1] == '\t')) {
      last--;
    }
    add(name, from, last);
    return end;
  }

  private static int space(byte[] line, int from, int to) {
    int i = from;
    while (i < to && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) {
      i++;
    }
    return i;
  }

  private void add(String name, int start, int end) {
    if (count == names.length) {
      names = java.util.Arrays.copyOf(names, count * 2);
      starts = java.util.Arrays.copyOf(starts, count * 2);
      ends = java.util.Arrays.copyOf(ends, count * 2);
    }
    names[count] = name;
    starts[count] = start;
    ends[count] = end;
    count++;
  }
}
