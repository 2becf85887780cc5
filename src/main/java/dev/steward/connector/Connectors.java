package dev.steward.connector;

import dev.steward.fulfilment.DataSystem;
import dev.steward.policy.Policy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opens the connectors the policy in force declares under {@code systems} ({@code connector:}),
 * each through the {@link ConnectorType} of its {@code type}, and hands them to fulfilment and
 * retention as {@link DataSystem}s. Every problem of every block is reported at once with its
 * {@code file:line:column} ({@link ConnectorProblems.Failed}), and the node does not start on a
 * policy whose connectors it cannot use. A connector type plugs in by being listed in the wiring.
 */
public final class Connectors {
  private final Map<String, ConnectorType> types = new LinkedHashMap<>();

  public Connectors(List<ConnectorType> types) {
    for (ConnectorType type : types) {
      this.types.put(type.type(), type);
    }
  }

  /** The declared systems, opened; empty when the policy declares no connector. */
  public List<DataSystem> open(
      Policy policy, Path base, Map<String, String> environment, Clock clock) {
    ConnectorProblems problems = new ConnectorProblems();
    List<DataSystem> systems = new ArrayList<>();
    for (dev.steward.policy.DataSystem system : policy.systems()) {
      if (system.connector().isEmpty()) {
        continue;
      }
      var connector = system.connector().get();
      ConnectorType type = types.get(connector.type());
      if (type == null) {
        problems.add(
            connector.whereOf("type"),
            "unknown connector type '" + connector.type() + "'; known: " + types.keySet());
        continue;
      }
      if (!keysFit(type, connector, problems)) {
        continue;
      }
      DataSystem opened =
          type.open(
              new Declared(system.id(), connector, policy, base, environment, problems, clock));
      if (opened != null) {
        systems.add(opened);
      }
    }
    problems.throwIfAny("the policy's connectors cannot be used");
    return List.copyOf(systems);
  }

  private static boolean keysFit(
      ConnectorType type, dev.steward.policy.Connector connector, ConnectorProblems problems) {
    boolean fit = true;
    Set<String> allowed = new LinkedHashSet<>(type.requiredKeys());
    allowed.addAll(type.optionalKeys());
    for (String key : connector.settings().keySet()) {
      if (!allowed.contains(key)) {
        problems.add(
            connector.whereOf(key),
            "unknown key '" + key + "' in a " + type.type() + " connector; allowed: " + allowed);
        fit = false;
      }
    }
    for (String key : type.requiredKeys()) {
      if (connector.value(key).isEmpty()) {
        problems.add(
            connector.where(),
            "missing required key '" + key + "' in a " + type.type() + " connector");
        fit = false;
      }
    }
    return fit;
  }
}
