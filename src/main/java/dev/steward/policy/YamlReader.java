package dev.steward.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML text into a {@link Node} tree with Jackson's streaming parser, so that every key
 * and value keeps its line and column. Never throws for bad input: syntax errors, duplicate keys,
 * aliases, several documents and excessive nesting all become located problems.
 */
final class YamlReader {
  static final int MAX_DEPTH = 64;

  private static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
          .build();

  private final String file;
  private final List<Problem> problems;

  private YamlReader(String file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The root node, or null when the text has no usable document; problems are appended. */
  static Node read(String file, String text, List<Problem> problems) {
    return new YamlReader(file, problems).readDocument(text);
  }

  private Node readDocument(String text) {
    try (YAMLParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(Location.start(file).error("the file holds no YAML document", ""));
        return null;
      }
      Node root = readValue(parser, first, 0);
      if (parser.nextToken() != null) {
        problems.add(
            at(parser)
                .error(
                    "a policy file holds one YAML document only",
                    "remove the '---' separator and what follows, or move it to an included file"));
      }
      return root;
    } catch (JsonProcessingException e) {
      problems.add(syntaxProblem(e));
      return null;
    } catch (IOException | RuntimeException e) {
      // SnakeYAML signals some malformed input with unchecked exceptions; keep them located.
      problems.add(Location.start(file).error("the file cannot be read as YAML: " + e, ""));
      return null;
    }
  }

  private Node readValue(YAMLParser parser, JsonToken token, int depth) throws IOException {
    Location location = at(parser);
    if (depth > MAX_DEPTH) {
      throw new TooDeep(location);
    }
    switch (token) {
      case START_OBJECT:
        return readMapping(parser, location, depth);
      case START_ARRAY:
        List<Node> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          items.add(readValue(parser, t, depth + 1));
        }
        return new Node.Sequence(location, items);
      case VALUE_NULL:
        return new Node.Scalar(location, null);
      default:
        if (parser.isCurrentAlias()) {
          problems.add(
              location.error(
                  "YAML aliases (*name) are not supported in a policy file",
                  "write the value out in full"));
        }
        return new Node.Scalar(location, parser.getText());
    }
  }

  private Node readMapping(YAMLParser parser, Location location, int depth) throws IOException {
    Map<String, Node.Entry> entries = new LinkedHashMap<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String key = parser.currentName();
      Location keyLocation = at(parser);
      Node value = readValue(parser, parser.nextToken(), depth + 1);
      Node.Entry first = entries.get(key);
      if (first != null) {
        problems.add(
            keyLocation.error(
                "duplicate key '" + key + "'",
                "it is already set at line " + first.keyLocation().line() + "; keep one of them"));
      } else {
        entries.put(key, new Node.Entry(key, keyLocation, value));
      }
    }
    return new Node.Mapping(location, entries);
  }

  private Location at(YAMLParser parser) {
    JsonLocation l = parser.currentTokenLocation();
    return new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }

  private Problem syntaxProblem(JsonProcessingException e) {
    if (e instanceof TooDeep deep) {
      return deep.location.error(
          "the YAML is nested more than " + MAX_DEPTH + " levels deep", "flatten the structure");
    }
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
      return new Location(file, mark.getLine() + 1, mark.getColumn() + 1)
          .error("YAML syntax: " + firstLine(marked.getProblem()) + context, indentationHint());
    }
    JsonLocation l = e.getLocation();
    Location location =
        l == null ? Location.start(file) : new Location(file, l.getLineNr(), l.getColumnNr());
    return location.error("YAML syntax: " + firstLine(e.getOriginalMessage()), indentationHint());
  }

  private static String indentationHint() {
    return "check the indentation (spaces only) and the ':' and '-' around this point";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  /** Signals nesting beyond {@link #MAX_DEPTH}; a checked type so it unwinds like a parse error. */
  private static final class TooDeep extends JsonProcessingException {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    TooDeep(Location location) {
      super("too deep");
      this.location = location;
    }
  }
}
