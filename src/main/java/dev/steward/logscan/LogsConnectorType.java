package dev.steward.logscan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.steward.connector.ConnectorType;
import dev.steward.connector.Declared;
import dev.steward.fulfilment.DataSystem;
import dev.steward.fulfilment.SubjectRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code connector: {type: logs, root: /var/log/nginx, settings: web-logs.yaml}}: a directory tree
 * of log files (docs/logs.md). The block's single values ({@code root}, {@code category}, {@code
 * ip_category}, {@code erasure}, {@code threads}) are {@link LogSettings} keys; the rest (fields,
 * include globs, retention) come from the optional settings file beside the policy, which the
 * block's values override. A relative {@code root} is read from the policy file's directory.
 *
 * <p>A task's identities are the request's own (e-mail, the company's account id, cookie or device
 * id, IP address), so a person the vault never held is found in the logs too.
 */
public final class LogsConnectorType implements ConnectorType {
  private static final Set<String> BLOCK_KEYS =
      Set.of("root", "category", "ip_category", "erasure", "threads");

  @Override
  public String type() {
    return "logs";
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of();
  }

  @Override
  public Set<String> optionalKeys() {
    Set<String> keys = new java.util.HashSet<>(BLOCK_KEYS);
    keys.add("settings");
    return keys;
  }

  @Override
  public DataSystem open(Declared declared) {
    Map<String, Object> settings = new LinkedHashMap<>();
    if (declared.optional("settings").isPresent()) {
      Path file = declared.base().resolve(declared.required("settings"));
      try {
        settings.putAll(
            new YAMLMapper()
                .readValue(Files.readString(file), new TypeReference<Map<String, Object>>() {}));
      } catch (JacksonException e) {
        declared
            .problems()
            .add(
                declared.where("settings"),
                "the log settings " + file + " are not valid YAML: " + e.getOriginalMessage());
        return null;
      } catch (IOException e) {
        declared.problems().add(declared.where("settings"), "cannot read the log settings " + file);
        return null;
      }
    }
    for (String key : BLOCK_KEYS) {
      declared.optional(key).ifPresent(value -> settings.put(key, value));
    }
    if (declared.optional("threads").isPresent()) {
      try {
        settings.put("threads", Integer.parseInt(declared.required("threads")));
      } catch (NumberFormatException e) {
        declared.problems().add(declared.where("threads"), "'threads' must be a whole number");
        return null;
      }
    }
    if (settings.get("root") instanceof String root && !Path.of(root).isAbsolute()) {
      settings.put("root", declared.base().resolve(root).normalize().toString());
    }
    try {
      LogSettings parsed = LogSettings.parse(declared.systemId(), settings, declared.environment());
      return new LogSystem(parsed, LogsConnectorType::identities, declared.clock());
    } catch (InvalidLogSettingsException e) {
      String where =
          declared.optional("settings").isPresent()
              ? declared.where("settings")
              : declared.connector().where();
      declared.problems().add(where, e.getMessage());
      return null;
    }
  }

  /** The request's identities a log line can name: see {@link SubjectRef#identities()}. */
  static List<LogIdentity> identities(SubjectRef subject) {
    List<LogIdentity> found = new ArrayList<>();
    for (SubjectRef.Identity identity : subject.identities()) {
      IdentityType type =
          switch (identity.type()) {
            case "email" -> IdentityType.EMAIL;
            case "customer_account", "account", "account_id" -> IdentityType.ACCOUNT;
            case "cookie", "cookie_id", "device", "device_id" -> IdentityType.COOKIE;
            case "ip", "ip_address" -> IdentityType.IP;
            default -> null;
          };
      if (type != null && !identity.value().isBlank()) {
        found.add(new LogIdentity(type, identity.value()));
      }
    }
    return found;
  }
}
