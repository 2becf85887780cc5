package dev.steward.collection;

import java.util.Map;
import java.util.TreeMap;

/**
 * The fields of one form submission, by name, as text. {@link #toString()} shows names only, so a
 * submission that reaches a log line or an exception message leaks no value.
 */
public record Submission(Map<String, String> fields) {
  public Submission {
    fields = Map.copyOf(fields);
  }

  /** One line per field in name order, the input of the submission's keyed hash. */
  String canonical(String formId) {
    StringBuilder text = new StringBuilder(formId).append('\n');
    new TreeMap<>(fields)
        .forEach(
            (name, value) ->
                text.append(name.length())
                    .append(':')
                    .append(name)
                    .append('=')
                    .append(value.length())
                    .append(':')
                    .append(value)
                    .append('\n'));
    return text.toString();
  }

  @Override
  public String toString() {
    return "Submission" + new TreeMap<>(fields).keySet() + " (values hidden)";
  }
}
