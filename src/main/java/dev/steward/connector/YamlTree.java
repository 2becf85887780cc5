package dev.steward.connector;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connector's own YAML file (a dataset description, a log layout) read into a tree whose every
 * key and value knows its {@code file:line:column}, so that a connector can point at the exact
 * place that is wrong. Aliases, several documents and nesting beyond {@value #MAX_DEPTH} levels are
 * refused. Immutable.
 */
public sealed interface YamlTree {
  int MAX_DEPTH = 32;

  /** {@code file:line:column}. */
  String where();

  /** "a mapping", "a list", "a value", for messages. */
  String kind();

  /** A scalar; {@code text} is null for an empty value. */
  record Scalar(String where, String text) implements YamlTree {
    @Override
    public String kind() {
      return "a value";
    }
  }

  record Sequence(String where, List<YamlTree> items) implements YamlTree {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A mapping in the file's order; {@code keys} holds where each key is written. */
  record Mapping(String where, Map<String, YamlTree> values, Map<String, String> keys)
      implements YamlTree {
    public Mapping {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
      keys = Map.copyOf(keys);
    }

    @Override
    public String kind() {
      return "a mapping";
    }

    public Optional<YamlTree> get(String key) {
      return Optional.ofNullable(values.get(key));
    }

    public String whereKey(String key) {
      return keys.getOrDefault(key, where);
    }
  }

  /** Reads {@code text}; a syntax error is a {@link ConnectorProblems.Failed} naming the place. */
  static YamlTree read(String file, String text) {
    ConnectorProblems problems = new ConnectorProblems();
    YamlTree tree = null;
    try (YAMLParser parser = new YAMLFactory().createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(file + ":1:1", "the file holds no YAML document");
      } else {
        tree = value(file, parser, first, 0, problems);
        if (parser.nextToken() != null) {
          problems.add(at(file, parser), "the file must hold one YAML document only");
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      problems.add(
          l == null ? file + ":1:1" : file + ":" + l.getLineNr() + ":" + l.getColumnNr(),
          "YAML syntax: " + firstLine(e.getOriginalMessage()));
    } catch (IOException | RuntimeException e) {
      problems.add(file + ":1:1", "the file cannot be read as YAML: " + e.getClass().getName());
    }
    problems.throwIfAny("cannot read " + file);
    return tree;
  }

  private static YamlTree value(
      String file, YAMLParser parser, JsonToken token, int depth, ConnectorProblems problems)
      throws IOException {
    String where = at(file, parser);
    if (depth > MAX_DEPTH) {
      problems.add(where, "nested more than " + MAX_DEPTH + " levels deep");
      parser.skipChildren();
      return new Scalar(where, null);
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, YamlTree> values = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String key = parser.currentName();
          String keyWhere = at(file, parser);
          YamlTree child = value(file, parser, parser.nextToken(), depth + 1, problems);
          if (values.containsKey(key)) {
            problems.add(keyWhere, "duplicate key '" + key + "'");
          } else {
            values.put(key, child);
            keys.put(key, keyWhere);
          }
        }
        return new Mapping(where, values, keys);
      }
      case START_ARRAY -> {
        List<YamlTree> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          items.add(value(file, parser, t, depth + 1, problems));
        }
        return new Sequence(where, items);
      }
      case VALUE_NULL -> {
        return new Scalar(where, null);
      }
      default -> {
        if (parser.isCurrentAlias()) {
          problems.add(where, "YAML aliases (*name) are not supported; write the value out");
        }
        return new Scalar(where, parser.getText());
      }
    }
  }

  private static String at(String file, YAMLParser parser) {
    JsonLocation l = parser.currentTokenLocation();
    return file + ":" + Math.max(1, l.getLineNr()) + ":" + Math.max(1, l.getColumnNr());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
