package dev.steward.cli;

import dev.steward.config.ConfigResolver;
import dev.steward.config.StewardConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command shares. Declared once on the root with inherited scope, so {@code steward
 * users list --data-dir X} and {@code steward --data-dir X users list} mean the same.
 */
public final class CommonOptions {
  @Option(
      names = "--data-dir",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Data directory (default ./steward-data; env STEWARD_DATA_DIR).")
  Path dataDir;

  @Option(
      names = "--db-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "JDBC URL of the store: jdbc:h2:file:... or jdbc:postgresql://... (env STEWARD_DB_URL).")
  String dbUrl;

  @Option(
      names = "--keyring-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "JDBC URL of the keyring, a database apart from the store (default: an H2 file in the"
              + " data dir; env STEWARD_KEYRING_URL).")
  String keyringUrl;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces and library logs on failure.")
  boolean verbose;

  private final Map<String, String> env;

  public CommonOptions(Map<String, String> env) {
    this.env = env;
  }

  /** Resolves the configuration with these options as flags and no port or policy flag. */
  public StewardConfig resolve() {
    return resolve(null, null);
  }

  public StewardConfig resolve(Integer port, Path policy) {
    return resolve(port, policy, null);
  }

  /** With {@code --public-url}, which only {@code serve} takes. */
  public StewardConfig resolve(Integer port, Path policy, String publicUrl) {
    return resolve(port, policy, publicUrl, null);
  }

  /** With {@code --public-url} and {@code --trusted-proxies}, which only {@code serve} takes. */
  public StewardConfig resolve(Integer port, Path policy, String publicUrl, String trustedProxies) {
    return new ConfigResolver(env)
        .resolve(
            new ConfigResolver.Flags(
                dataDir,
                port,
                dbUrl,
                policy,
                keyringUrl,
                publicUrl,
                trustedProxies,
                null,
                null,
                null));
  }

  /** With the flags only {@code serve} takes. */
  StewardConfig resolve(ConfigResolver.Flags serveFlags) {
    return new ConfigResolver(env)
        .resolve(
            new ConfigResolver.Flags(
                dataDir,
                serveFlags.port(),
                dbUrl,
                serveFlags.policy(),
                keyringUrl,
                serveFlags.publicUrl(),
                serveFlags.trustedProxies(),
                serveFlags.filterMaxBytes(),
                serveFlags.filterMaxLines(),
                serveFlags.filterMaxLineBytes()));
  }

  public boolean verbose() {
    return verbose;
  }
}
