package dev.steward.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.steward.access.PasswordHashing;
import dev.steward.decision.DecisionFilter;
import dev.steward.error.ConfigurationException;
import dev.steward.mail.MailSettings;
import dev.steward.opendsr.OpenDsrSettings;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.web.HttpSettings;
import dev.steward.web.TrustedProxies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a {@link StewardConfig}: flags win over environment variables ({@code STEWARD_*}), which
 * win over {@code steward.yaml} in the data directory, which wins over defaults. Every bad value is
 * refused with a message naming where it came from.
 */
public final class ConfigResolver {
  public static final String CONFIG_FILE = "steward.yaml";

  private final Map<String, String> env;

  public ConfigResolver(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Values given on the command line; null where the flag was not given. */
  public record Flags(
      Path dataDir,
      Integer port,
      String dbUrl,
      Path policy,
      String keyringUrl,
      String publicUrl,
      String trustedProxies,
      Long filterMaxBytes,
      Long filterMaxLines,
      Integer filterMaxLineBytes) {
    public Flags(
        Path dataDir,
        Integer port,
        String dbUrl,
        Path policy,
        String keyringUrl,
        String publicUrl) {
      this(dataDir, port, dbUrl, policy, keyringUrl, publicUrl, null, null, null, null);
    }

    public Flags(Path dataDir, Integer port, String dbUrl, Path policy, String keyringUrl) {
      this(dataDir, port, dbUrl, policy, keyringUrl, null);
    }

    public static Flags none() {
      return new Flags(null, null, null, null, null, null, null, null, null, null);
    }
  }

  public StewardConfig resolve(Flags flags) {
    Path dataDir =
        firstPath("--data-dir", flags.dataDir(), "STEWARD_DATA_DIR")
            .orElse(Path.of("steward-data"));
    FileSettings file = readFile(dataDir.resolve(CONFIG_FILE));

    int port = first(flags.port(), intEnv("STEWARD_PORT"), file.port(), 8080);
    String dbUrl =
        first(
            flags.dbUrl(),
            env.get("STEWARD_DB_URL"),
            file.dbUrl(),
            StoreSettings.h2FileUrl(dataDir.resolve("steward")));
    Engine.fromUrl(dbUrl);
    String keyringUrl =
        first(
            flags.keyringUrl(),
            env.get("STEWARD_KEYRING_URL"),
            file.keyringUrl(),
            StoreSettings.h2FileUrl(dataDir.resolve("keyring")));
    Engine.fromUrl(keyringUrl);
    if (keyringUrl.equals(dbUrl)) {
      throw new ConfigurationException(
          "the keyring must not live in the data store: give --keyring-url its own database or"
              + " schema");
    }
    String phoneRegion =
        first(null, env.get("STEWARD_PHONE_REGION"), file.phoneRegion(), "US")
            .toUpperCase(java.util.Locale.ROOT);
    Optional<Path> policy =
        firstPath("--policy", flags.policy(), "STEWARD_POLICY")
            .or(() -> Optional.ofNullable(file.policy()).map(p -> path("policy", p)));
    Path keysDir =
        Optional.ofNullable(env.get("STEWARD_KEYS_DIR"))
            .or(() -> Optional.ofNullable(file.keysDir()))
            .map(p -> path("keys-dir", p))
            .orElse(dataDir.resolve("keys"));
    int poolSize = first(null, intEnv("STEWARD_DB_POOL_SIZE"), file.dbPoolSize(), 10);

    HttpSettings http;
    LogFormat logFormat;
    MailSettings mail;
    StoreSettings store;
    StoreSettings keyring;
    try {
      http =
          new HttpSettings(
              first(null, env.get("STEWARD_HOST"), file.host(), "0.0.0.0"),
              port,
              // Room for a 5 MiB identity document upload; JSON bodies are far smaller.
              first(null, null, file.maxBodyBytes(), 6L * 1024 * 1024),
              first(null, null, file.publicRatePerMinute(), 120),
              first(null, null, file.publicRateBurst(), 60),
              file.corsOrigins() == null ? List.of() : file.corsOrigins(),
              // Where people reach Steward: put before every link in a letter.
              first(flags.publicUrl(), env.get("STEWARD_PUBLIC_URL"), file.publicUrl(), ""),
              // Only these peers' forwarding headers say who the client is (behind a proxy).
              TrustedProxies.of(
                  first(
                      commaList(flags.trustedProxies()),
                      commaList(env.get("STEWARD_TRUSTED_PROXIES")),
                      file.trustedProxies(),
                      List.<String>of())));
      logFormat =
          LogFormat.of(first(null, env.get("STEWARD_LOG_FORMAT"), file.logFormat(), "plain"));
      mail = mail(file);
      store = new StoreSettings(dbUrl, poolSize, Duration.ofSeconds(10));
      keyring = new StoreSettings(keyringUrl, Math.max(2, poolSize / 2), Duration.ofSeconds(10));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
    return new StewardConfig(
        dataDir,
        store,
        keyring,
        http,
        policy,
        keysDir,
        keyVariables(),
        PasswordHashing.production(),
        phoneRegion,
        mail,
        opendsr(file, mail),
        scheduling(file),
        file.purgeWebhook().resolve(env),
        file.smsWebhook().resolve(env),
        logFormat,
        filterLimits(flags, file));
  }

  /** {@code a, b} as a list; null for no value. */
  private static List<String> commaList(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return java.util.Arrays.stream(value.split(",")).map(String::strip).toList();
  }

  /**
   * The limits on a list sent to the decision filter: {@code --filter-max-*} flags over {@code
   * STEWARD_FILTER_MAX_*} over {@code filter-max-*} keys over {@link
   * DecisionFilter.Limits#DEFAULT}.
   */
  private DecisionFilter.Limits filterLimits(Flags flags, FileSettings file) {
    DecisionFilter.Limits defaults = DecisionFilter.Limits.DEFAULT;
    try {
      return new DecisionFilter.Limits(
          first(
              flags.filterMaxBytes(),
              longEnv("STEWARD_FILTER_MAX_BYTES"),
              file.filterMaxBytes(),
              defaults.maxBytes()),
          first(
              flags.filterMaxLines(),
              longEnv("STEWARD_FILTER_MAX_LINES"),
              file.filterMaxLines(),
              defaults.maxLines()),
          first(
              flags.filterMaxLineBytes(),
              intEnv("STEWARD_FILTER_MAX_LINE_BYTES"),
              file.filterMaxLineBytes(),
              defaults.maxLineBytes()));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  /**
   * Job scheduling: {@code STEWARD_SCHEDULER_*_MILLIS} over {@code scheduler-*-millis} keys over
   * {@link StewardConfig.Scheduling#defaults()}.
   */
  private StewardConfig.Scheduling scheduling(FileSettings file) {
    StewardConfig.Scheduling defaults = StewardConfig.Scheduling.defaults();
    int poll =
        first(
            intEnv("STEWARD_SCHEDULER_POLL_MILLIS"),
            file.schedulerPollMillis(),
            (int) defaults.pollingInterval().toMillis());
    int heartbeat =
        first(
            intEnv("STEWARD_SCHEDULER_HEARTBEAT_MILLIS"),
            file.schedulerHeartbeatMillis(),
            (int) defaults.heartbeatInterval().toMillis());
    try {
      return new StewardConfig.Scheduling(Duration.ofMillis(poll), Duration.ofMillis(heartbeat));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  /**
   * The OpenDSR processor key and chain: {@code STEWARD_OPENDSR_*} over {@code opendsr-*} keys;
   * none by default, and then the OpenDSR routes answer 503.
   */
  private OpenDsrSettings opendsr(FileSettings file, MailSettings mail) {
    Optional<Path> key =
        Optional.ofNullable(first(env.get("STEWARD_OPENDSR_KEY"), file.opendsrKey(), ""))
            .filter(p -> !p.isBlank())
            .map(p -> path("opendsr-key", p));
    Optional<Path> chain =
        Optional.ofNullable(
                first(env.get("STEWARD_OPENDSR_CERTIFICATE"), file.opendsrCertificate(), ""))
            .filter(p -> !p.isBlank())
            .map(p -> path("opendsr-certificate", p));
    try {
      return new OpenDsrSettings(
          key,
          chain,
          first(env.get("STEWARD_OPENDSR_DOMAIN"), file.opendsrDomain(), mail.messageIdDomain()),
          false,
          first(file.opendsrGdprResidence(), "IE"),
          first(file.opendsrCcpaResidence(), "US-CA"));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  /**
   * The SMTP relay: {@code STEWARD_SMTP_*} over {@code smtp-*} keys over a relay on localhost:25.
   * The password comes only from the environment ({@code STEWARD_SMTP_PASSWORD}), never a file.
   */
  private MailSettings mail(FileSettings file) {
    String from = first(null, env.get("STEWARD_MAIL_FROM"), file.mailFrom(), "privacy@localhost");
    String username = first(null, env.get("STEWARD_SMTP_USERNAME"), file.smtpUsername(), "");
    String security = first(null, env.get("STEWARD_SMTP_SECURITY"), file.smtpSecurity(), "none");
    MailSettings.Security mode;
    try {
      mode = MailSettings.Security.valueOf(security.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "smtp-security must be none, starttls or ssl, was '" + security + "'");
    }
    String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "localhost";
    return new MailSettings(
        first(null, env.get("STEWARD_SMTP_HOST"), file.smtpHost(), "localhost"),
        first(null, intEnv("STEWARD_SMTP_PORT"), file.smtpPort(), 25),
        mode,
        username.isBlank() ? null : username,
        username.isBlank() ? null : env.get("STEWARD_SMTP_PASSWORD"),
        from,
        domain,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30));
  }

  private Map<String, String> keyVariables() {
    Map<String, String> keys = new java.util.TreeMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith("STEWARD_KEY_")) {
            keys.put(name, value);
          }
        });
    return keys;
  }

  private FileSettings readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      return FileSettings.empty();
    }
    try {
      checkKeys(file);
      FileSettings settings = Yaml.MAPPER.readValue(file.toFile(), FileSettings.class);
      return settings == null ? FileSettings.empty() : settings;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigurationException(
          located(file, e)
              + ": unknown key '"
              + e.getPropertyName()
              + "' (known: "
              + String.join(
                  ", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())
              + ")");
    } catch (JsonProcessingException e) {
      throw new ConfigurationException(located(file, e) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Names an unknown top-level key at its own line and column, which data binding cannot. */
  private static void checkKeys(Path file) throws IOException {
    java.util.Set<String> known = new java.util.TreeSet<>();
    for (java.lang.reflect.RecordComponent component : FileSettings.class.getRecordComponents()) {
      known.add(
          component.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class)
                  != null
              ? component
                  .getAccessor()
                  .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class)
                  .value()
              : component.getName());
    }
    try (com.fasterxml.jackson.core.JsonParser parser =
        Yaml.MAPPER.getFactory().createParser(file.toFile())) {
      int depth = 0;
      for (com.fasterxml.jackson.core.JsonToken token = parser.nextToken();
          token != null;
          token = parser.nextToken()) {
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        } else if (token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
            && depth == 1
            && !known.contains(parser.currentName())) {
          com.fasterxml.jackson.core.JsonLocation at = parser.currentTokenLocation();
          throw new ConfigurationException(
              file
                  + ":"
                  + at.getLineNr()
                  + ":"
                  + at.getColumnNr()
                  + ": unknown key '"
                  + parser.currentName()
                  + "' (known: "
                  + String.join(", ", known)
                  + ")");
        }
      }
    }
  }

  private static String located(Path file, JsonProcessingException e) {
    com.fasterxml.jackson.core.JsonLocation location = e.getLocation();
    // The parser's token location points at the offending key itself, not past its value.
    if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser
        && parser.currentTokenLocation() != null) {
      location = parser.currentTokenLocation();
    }
    return location == null
        ? file.toString()
        : file + ":" + location.getLineNr() + ":" + location.getColumnNr();
  }

  private Integer intEnv(String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(name + " must be a whole number, was '" + value + "'");
    }
  }

  private Long longEnv(String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(name + " must be a whole number, was '" + value + "'");
    }
  }

  private Optional<Path> firstPath(String flag, Path fromFlag, String envName) {
    if (fromFlag != null) {
      return Optional.of(fromFlag);
    }
    return Optional.ofNullable(env.get(envName))
        .filter(v -> !v.isBlank())
        .map(v -> path(envName, v));
  }

  private static Path path(String source, String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new ConfigurationException(source + " is not a usable path: " + e.getMessage());
    }
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    throw new IllegalStateException("no default given");
  }

  /**
   * Made on first use: most nodes have no {@code steward.yaml}, and the mapper is costly to make.
   */
  private static final class Yaml {
    static final ObjectMapper MAPPER =
        YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }
}
