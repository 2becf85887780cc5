package dev.steward.connector;

import dev.steward.policy.Connector;
import dev.steward.policy.Policy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * A connector block as declared under one system of the policy in force, with what a connector
 * needs to open it.
 *
 * @param systemId the policy's system id, which becomes the {@code DataSystem}'s id
 * @param base the directory files named in the block are relative to (the policy file's)
 * @param environment where secrets named by the block are looked up
 */
public record Declared(
    String systemId,
    Connector connector,
    Policy policy,
    Path base,
    Map<String, String> environment,
    ConnectorProblems problems,
    Clock clock) {

  /** The value of a key the type requires (checked before the type opens the block). */
  public String required(String key) {
    return connector.value(key).orElseThrow();
  }

  public Optional<String> optional(String key) {
    return connector.value(key);
  }

  /** {@code file:line:column} of {@code key}'s value. */
  public String where(String key) {
    return connector.whereOf(key);
  }

  /**
   * A secret the block names by the environment variable in {@code key}, or by the file (relative
   * to {@link #base()}) in {@code fileKey}; empty, with a problem reported, when it is missing.
   */
  public Optional<String> secret(String key, String fileKey) {
    Optional<String> variable = optional(key);
    if (variable.isPresent()) {
      String value = environment.get(variable.get());
      if (value == null) {
        problems.add(
            where(key), "the environment variable " + variable.get() + " is not set for " + key);
      }
      return Optional.ofNullable(value);
    }
    Optional<String> file = optional(fileKey);
    if (file.isPresent()) {
      try {
        return Optional.of(java.nio.file.Files.readString(base.resolve(file.get())).strip());
      } catch (java.io.IOException e) {
        problems.add(where(fileKey), "cannot read the secrets file " + file.get());
      }
    }
    return Optional.empty();
  }
}
