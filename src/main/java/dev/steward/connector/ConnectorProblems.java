package dev.steward.connector;

import dev.steward.error.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found while opening connectors, each as {@code file:line:column: message}, so that
 * every one is reported at once. Not thread-safe; one per check.
 */
public final class ConnectorProblems {
  private final List<String> problems = new ArrayList<>();

  public void add(String where, String message) {
    problems.add(where + ": " + message);
  }

  /** Problems already located, e.g. from a {@link Failed} of a nested check. */
  public void addAll(List<String> located) {
    problems.addAll(located);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<String> all() {
    return List.copyOf(problems);
  }

  /** Throws {@link Failed} listing every problem under {@code heading}, if there is any. */
  public void throwIfAny(String heading) {
    if (!problems.isEmpty()) {
      throw new Failed(heading, problems);
    }
  }

  /** A connector that cannot be used as declared; the node refuses to start with it. */
  public static final class Failed extends ConfigurationException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    Failed(String heading, List<String> problems) {
      super(heading + ":\n  " + String.join("\n  ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
