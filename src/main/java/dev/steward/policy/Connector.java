package dev.steward.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How Steward reaches a system's data: the {@code connector:} block of a system in the policy file.
 * The policy knows only its {@code type} and its settings, each with where it was written; the
 * connector of that type (package {@code connector}) checks the keys it needs when the node starts.
 * Settings name secrets (environment variables, files), never hold them.
 *
 * @param where {@code file:line:column} of the block, for messages
 */
public record Connector(String type, Map<String, Setting> settings, String where) {
  public Connector {
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** One {@code key: value} of the block and {@code file:line:column} of its value. */
  public record Setting(String value, String where) {}

  public Optional<String> value(String key) {
    return Optional.ofNullable(settings.get(key)).map(Setting::value);
  }

  /** Where {@code key}'s value is written, or the block itself when the key is absent. */
  public String whereOf(String key) {
    Setting setting = settings.get(key);
    return setting == null ? where : setting.where();
  }
}
