package dev.steward.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.steward.policy.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small YAML tree whose every key and value keeps its line and column, read with Jackson's
 * streaming parser (as the policy loader does), so mapping problems can point at what is wrong.
 */
final class LocatedYaml {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final int MAX_DEPTH = 8;

  private LocatedYaml() {}

  /** A node and where it is written. */
  sealed interface Node {
    int line();

    int column();
  }

  record Scalar(int line, int column, String text) implements Node {}

  record Sequence(int line, int column, List<Node> items) implements Node {}

  record Mapping(int line, int column, Map<String, Entry> entries) implements Node {}

  record Entry(int line, int column, Node value) {}

  /** The root, or null after adding a located problem for unreadable YAML. */
  static Node read(String file, String text, List<Problem> problems) {
    try (YAMLParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(error(file, 1, 1, "the mapping file is empty"));
        return null;
      }
      return value(file, parser, first, 0, problems);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : at.getLineNr();
      int column = at == null ? 1 : at.getColumnNr();
      problems.add(error(file, line, column, "YAML syntax: " + firstLine(e.getOriginalMessage())));
      return null;
    } catch (IOException | RuntimeException e) {
      problems.add(error(file, 1, 1, "the mapping cannot be read as YAML: " + e.getMessage()));
      return null;
    }
  }

  private static Node value(
      String file, YAMLParser parser, JsonToken token, int depth, List<Problem> problems)
      throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = Math.max(1, at.getLineNr());
    int column = Math.max(1, at.getColumnNr());
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("nested more than " + MAX_DEPTH + " levels at line " + line);
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String key = parser.currentName();
          JsonLocation keyAt = parser.currentTokenLocation();
          Entry entry =
              new Entry(
                  keyAt.getLineNr(),
                  keyAt.getColumnNr(),
                  value(file, parser, parser.nextToken(), depth + 1, problems));
          if (entries.putIfAbsent(key, entry) != null) {
            problems.add(error(file, entry.line(), entry.column(), "duplicate key '" + key + "'"));
          }
        }
        return new Mapping(line, column, entries);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          items.add(value(file, parser, t, depth + 1, problems));
        }
        return new Sequence(line, column, items);
      }
      case VALUE_NULL -> {
        return new Scalar(line, column, null);
      }
      default -> {
        return new Scalar(line, column, parser.getText());
      }
    }
  }

  static Problem error(String file, int line, int column, String message) {
    return new Problem(Problem.Severity.ERROR, file, line, column, message, "");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
