package dev.steward.logscan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log system's settings: the type-specific keys of a {@code connector: {type: logs, ...}} block,
 * read from a plain map so the policy reader and tests build them alike. Frozen and checked at
 * construction; {@link #parse} names the system and the key in every complaint.
 *
 * <pre>
 * root: /var/log/nginx            # required: the directory tree to scan
 * formats: [combined, jsonl]      # default both; a line is told apart by its first byte
 * include: ["**.log", "**.gz"]    # globs under root; default every file not hidden
 * fields:                         # which fields hold which identity type (defaults below)
 *   ip: [remote_addr, ip, client.ip]
 *   email: [remote_user, email, user.email]
 *   cookie: [cookie, session_id]
 *   account: [remote_user, account_id, user.id]
 * combined_extra_fields: [cookie] # names of the quoted fields after the user agent
 * category: device.visit          # the policy category of the lines
 * ip_category: device.ip_address  # retention of this category pseudonymises IPs
 * erasure: redact                 # or drop_line
 * retention:
 *   delete_after: 90d             # whole files by last-modified time
 *   pseudonymise_ip_after: 7d
 *   ip_pseudonymisation: truncate # or keyed_hash, with key_env naming the variable
 *   key_env: STEWARD_LOGS_KEY     # hex or text; secrets never sit in the policy file
 * threads: 2                      # default: the machine's cores
 * </pre>
 */
public record LogSettings(
    String id,
    Path root,
    Set<LogFormat> formats,
    List<String> include,
    Map<IdentityType, List<String>> fields,
    List<String> combinedExtraFields,
    String category,
    String ipCategory,
    boolean dropLines,
    Optional<Duration> deleteAfter,
    Optional<Duration> pseudonymiseIpAfter,
    IpPseudonymisation ipPseudonymisation,
    Optional<byte[]> ipKey,
    int threads) {

  private static final Set<String> KEYS =
      Set.of(
          "root",
          "formats",
          "include",
          "fields",
          "combined_extra_fields",
          "category",
          "ip_category",
          "erasure",
          "retention",
          "threads",
          "type",
          "id");
  private static final Set<String> RETENTION_KEYS =
      Set.of("delete_after", "pseudonymise_ip_after", "ip_pseudonymisation", "key_env");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([dhm])");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

  public LogSettings {
    formats = Set.copyOf(formats);
    include = List.copyOf(include);
    Map<IdentityType, List<String>> copy = new EnumMap<>(IdentityType.class);
    fields.forEach((type, names) -> copy.put(type, List.copyOf(names)));
    fields = java.util.Collections.unmodifiableMap(copy);
    combinedExtraFields = List.copyOf(combinedExtraFields);
  }

  /** The fields searched by default for each identity type, in both formats. */
  public static Map<IdentityType, List<String>> defaultFields() {
    Map<IdentityType, List<String>> fields = new EnumMap<>(IdentityType.class);
    fields.put(IdentityType.IP, List.of("remote_addr", "ip", "client_ip", "client.ip"));
    fields.put(IdentityType.EMAIL, List.of("remote_user", "email", "user.email"));
    fields.put(IdentityType.COOKIE, List.of("cookie", "session_id", "sid"));
    fields.put(IdentityType.ACCOUNT, List.of("remote_user", "account_id", "user_id", "user.id"));
    return fields;
  }

  /** Settings for {@code root} with every default. */
  public static LogSettings of(String id, Path root) {
    return parse(id, Map.of("root", root.toString()), Map.of());
  }

  /** Reads {@code settings}, resolving {@code key_env} from the process environment. */
  public static LogSettings parse(String id, Map<String, Object> settings) {
    return parse(id, settings, System.getenv());
  }

  /**
   * Reads {@code settings}; {@code env} resolves {@code retention.key_env}.
   *
   * @throws InvalidLogSettingsException naming the system and the key at fault
   */
  public static LogSettings parse(
      String id, Map<String, Object> settings, Map<String, String> env) {
    Reader reader = new Reader(id);
    for (String key : settings.keySet()) {
      if (!KEYS.contains(key)) {
        throw reader.fail(key, "unknown key; expected one of " + new java.util.TreeSet<>(KEYS));
      }
    }
    Object rootValue = settings.get("root");
    if (!(rootValue instanceof String rootText) || rootText.isBlank()) {
      throw reader.fail("root", "required: the directory that holds the logs");
    }
    Set<LogFormat> formats = EnumSet.noneOf(LogFormat.class);
    for (String name :
        reader.strings(settings.get("formats"), "formats", List.of("combined", "jsonl"))) {
      switch (name) {
        case "combined" -> formats.add(LogFormat.COMBINED);
        case "jsonl" -> formats.add(LogFormat.JSONL);
        default -> throw reader.fail("formats", "unknown format " + name + "; use combined, jsonl");
      }
    }
    List<String> include = reader.strings(settings.get("include"), "include", List.of());
    Map<IdentityType, List<String>> fields = defaultFields();
    Object fieldsValue = settings.get("fields");
    if (fieldsValue != null) {
      if (!(fieldsValue instanceof Map<?, ?> map)) {
        throw reader.fail("fields", "must map identity types to lists of field names");
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String typeName = String.valueOf(entry.getKey());
        IdentityType type;
        try {
          type = IdentityType.of(typeName);
        } catch (IllegalArgumentException e) {
          throw reader.fail(
              "fields." + typeName, "unknown identity type; use ip, email, cookie, account");
        }
        fields.put(type, reader.fieldNames(entry.getValue(), "fields." + typeName));
      }
    }
    List<String> extra =
        reader.fieldNames(
            settings.getOrDefault("combined_extra_fields", List.of()), "combined_extra_fields");
    String category = reader.string(settings.get("category"), "category", "device.visit");
    String ipCategory =
        reader.string(settings.get("ip_category"), "ip_category", "device.ip_address");
    String erasure = reader.string(settings.get("erasure"), "erasure", "redact");
    if (!erasure.equals("redact") && !erasure.equals("drop_line")) {
      throw reader.fail("erasure", "must be redact or drop_line, not " + erasure);
    }
    Map<?, ?> retention = Map.of();
    Object retentionValue = settings.get("retention");
    if (retentionValue != null) {
      if (!(retentionValue instanceof Map<?, ?> map)) {
        throw reader.fail("retention", "must be a map");
      }
      retention = map;
      for (Object key : retention.keySet()) {
        if (!RETENTION_KEYS.contains(String.valueOf(key))) {
          throw reader.fail(
              "retention." + key,
              "unknown key; expected one of " + new java.util.TreeSet<>(RETENTION_KEYS));
        }
      }
    }
    Optional<Duration> deleteAfter =
        reader.duration(retention.get("delete_after"), "retention.delete_after");
    Optional<Duration> pseudonymiseAfter =
        reader.duration(retention.get("pseudonymise_ip_after"), "retention.pseudonymise_ip_after");
    String mode =
        reader.string(
            retention.get("ip_pseudonymisation"), "retention.ip_pseudonymisation", "truncate");
    IpPseudonymisation pseudonymisation =
        switch (mode) {
          case "truncate" -> IpPseudonymisation.TRUNCATE;
          case "keyed_hash" -> IpPseudonymisation.KEYED_HASH;
          default ->
              throw reader.fail(
                  "retention.ip_pseudonymisation", "must be truncate or keyed_hash, not " + mode);
        };
    Optional<byte[]> key = Optional.empty();
    Object keyEnv = retention.get("key_env");
    if (keyEnv != null) {
      String variable = String.valueOf(keyEnv);
      String secret = env.get(variable);
      if (secret == null || secret.length() < 16) {
        throw reader.fail(
            "retention.key_env",
            "the environment variable " + variable + " must hold at least 16 characters");
      }
      key = Optional.of(secret.getBytes(StandardCharsets.UTF_8));
    }
    if (pseudonymisation == IpPseudonymisation.KEYED_HASH && key.isEmpty()) {
      throw reader.fail(
          "retention.key_env", "keyed_hash needs key_env naming the variable that holds the key");
    }
    int threads = Runtime.getRuntime().availableProcessors();
    Object threadsValue = settings.get("threads");
    if (threadsValue != null) {
      if (!(threadsValue instanceof Number number)
          || number.intValue() < 1
          || number.intValue() > 256) {
        throw reader.fail("threads", "must be a whole number from 1 to 256");
      }
      threads = number.intValue();
    }
    return new LogSettings(
        id,
        Path.of(rootText),
        formats,
        include,
        fields,
        extra,
        category,
        ipCategory,
        erasure.equals("drop_line"),
        deleteAfter,
        pseudonymiseAfter,
        pseudonymisation,
        key,
        threads);
  }

  /** The same settings with another scan parallelism. */
  public LogSettings withThreads(int count) {
    return new LogSettings(
        id,
        root,
        formats,
        include,
        fields,
        combinedExtraFields,
        category,
        ipCategory,
        dropLines,
        deleteAfter,
        pseudonymiseIpAfter,
        ipPseudonymisation,
        ipKey,
        count);
  }

  @Override
  public String toString() {
    // The key stays out of logs and exceptions.
    return "LogSettings[" + id + ", " + root + ", " + formats + "]";
  }

  private record Reader(String system) {
    InvalidLogSettingsException fail(String key, String problem) {
      return new InvalidLogSettingsException(system, key, problem);
    }

    String string(Object value, String key, String fallback) {
      if (value == null) {
        return fallback;
      }
      if (!(value instanceof String text) || text.isBlank()) {
        throw fail(key, "must be a non-empty string");
      }
      return text.strip();
    }

    List<String> strings(Object value, String key, List<String> fallback) {
      if (value == null) {
        return fallback;
      }
      List<?> list = value instanceof List<?> l ? l : List.of(value);
      List<String> out = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String text) || text.isBlank()) {
          throw fail(key, "must be a list of non-empty strings");
        }
        out.add(text.strip());
      }
      return out;
    }

    List<String> fieldNames(Object value, String key) {
      List<String> names = strings(value, key, List.of());
      Set<String> unique = new LinkedHashSet<>();
      for (String name : names) {
        if (!FIELD.matcher(name).matches()) {
          throw fail(key, "field name " + name + " must be letters, digits, '_', '.' or '-'");
        }
        unique.add(name);
      }
      return List.copyOf(unique);
    }

    Optional<Duration> duration(Object value, String key) {
      if (value == null) {
        return Optional.empty();
      }
      String text = String.valueOf(value).strip();
      Matcher matcher = DURATION.matcher(text);
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        Duration duration =
            switch (matcher.group(2)) {
              case "d" -> Duration.ofDays(amount);
              case "h" -> Duration.ofHours(amount);
              default -> Duration.ofMinutes(amount);
            };
        if (!duration.isZero()) {
          return Optional.of(duration);
        }
      }
      throw fail(key, "must be a positive duration such as 90d, 12h or 30m, not " + text);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
