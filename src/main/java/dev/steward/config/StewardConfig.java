package dev.steward.config;

import dev.steward.access.PasswordHashing;
import dev.steward.decision.DecisionFilter;
import dev.steward.mail.MailSettings;
import dev.steward.opendsr.OpenDsrSettings;
import dev.steward.store.StoreSettings;
import dev.steward.web.HttpSettings;
import dev.steward.web.Webhook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a node needs to start, resolved once from flags, environment, {@code steward.yaml} and
 * defaults (in that order of precedence), then frozen.
 *
 * @param dataDir where the embedded database, keys and the optional {@code steward.yaml} live
 * @param policyFile the policy file to run on; empty means the bundled policy
 * @param keyring the keyring's own database, apart from the data store so that a backup of the
 *     store holds no usable key
 * @param keysDir the shared keys directory (owner-readable only)
 * @param phoneRegion ISO 3166 region for phone numbers written without a country code
 * @param mail the SMTP relay letters go through
 * @param keyVariables {@code STEWARD_KEY_*} environment variables, which take the place of key
 *     files
 * @param opendsr the OpenDSR processor key, certificate chain and domain
 * @param scheduling how often the node looks for due jobs and marks the ones it runs as alive
 * @param smsWebhook the SMS gateway phone codes are sent through; none by default, and then a
 *     request with only a phone number is refused with a message saying so
 * @param purgeWebhook the delivery network's content-purge webhook; none by default, and then
 *     content removals wait for staff
 * @param logFormat how a serving node writes its log
 * @param filterLimits the limits on a list sent to {@code POST /api/v1/decisions/filter}
 */
public record StewardConfig(
    Path dataDir,
    StoreSettings store,
    StoreSettings keyring,
    HttpSettings http,
    Optional<Path> policyFile,
    Path keysDir,
    Map<String, String> keyVariables,
    PasswordHashing passwordHashing,
    String phoneRegion,
    MailSettings mail,
    OpenDsrSettings opendsr,
    Scheduling scheduling,
    Optional<Webhook> purgeWebhook,
    Optional<Webhook> smsWebhook,
    LogFormat logFormat,
    DecisionFilter.Limits filterLimits) {

  public StewardConfig {
    keyVariables = Map.copyOf(keyVariables);
    logFormat = logFormat == null ? LogFormat.PLAIN : logFormat;
    filterLimits = filterLimits == null ? DecisionFilter.Limits.DEFAULT : filterLimits;
    purgeWebhook = purgeWebhook == null ? Optional.empty() : purgeWebhook;
    smsWebhook = smsWebhook == null ? Optional.empty() : smsWebhook;
  }

  /** With the plain log and the default limits on a filtered list. */
  public StewardConfig(
      Path dataDir,
      StoreSettings store,
      StoreSettings keyring,
      HttpSettings http,
      Optional<Path> policyFile,
      Path keysDir,
      Map<String, String> keyVariables,
      PasswordHashing passwordHashing,
      String phoneRegion,
      MailSettings mail,
      OpenDsrSettings opendsr,
      Scheduling scheduling,
      Optional<Webhook> purgeWebhook,
      Optional<Webhook> smsWebhook) {
    this(
        dataDir,
        store,
        keyring,
        http,
        policyFile,
        keysDir,
        keyVariables,
        passwordHashing,
        phoneRegion,
        mail,
        opendsr,
        scheduling,
        purgeWebhook,
        smsWebhook,
        LogFormat.PLAIN,
        DecisionFilter.Limits.DEFAULT);
  }

  /** With the default job scheduling. */
  public StewardConfig(
      Path dataDir,
      StoreSettings store,
      StoreSettings keyring,
      HttpSettings http,
      Optional<Path> policyFile,
      Path keysDir,
      Map<String, String> keyVariables,
      PasswordHashing passwordHashing,
      String phoneRegion,
      MailSettings mail,
      OpenDsrSettings opendsr) {
    this(
        dataDir,
        store,
        keyring,
        http,
        policyFile,
        keysDir,
        keyVariables,
        passwordHashing,
        phoneRegion,
        mail,
        opendsr,
        Scheduling.defaults(),
        Optional.empty(),
        Optional.empty());
  }

  /** Without OpenDSR configured: its routes answer 503 until a key and chain are given. */
  public StewardConfig(
      Path dataDir,
      StoreSettings store,
      StoreSettings keyring,
      HttpSettings http,
      Optional<Path> policyFile,
      Path keysDir,
      Map<String, String> keyVariables,
      PasswordHashing passwordHashing,
      String phoneRegion,
      MailSettings mail) {
    this(
        dataDir,
        store,
        keyring,
        http,
        policyFile,
        keysDir,
        keyVariables,
        passwordHashing,
        phoneRegion,
        mail,
        OpenDsrSettings.none(mail.messageIdDomain()));
  }

  /** The same configuration with other OpenDSR settings. */
  public StewardConfig withOpenDsr(OpenDsrSettings settings) {
    return with(settings, scheduling, purgeWebhook, filterLimits);
  }

  /** The same configuration with a content-purge webhook. */
  public StewardConfig withPurgeWebhook(Webhook webhook) {
    return with(opendsr, scheduling, Optional.of(webhook), filterLimits);
  }

  /** The same configuration with other job scheduling (tests poll fast). */
  public StewardConfig withScheduling(Scheduling settings) {
    return with(opendsr, settings, purgeWebhook, filterLimits);
  }

  /** A copy in which only the settings the {@code with...} methods change may differ. */
  private StewardConfig with(
      OpenDsrSettings opendsr,
      Scheduling scheduling,
      Optional<Webhook> purgeWebhook,
      DecisionFilter.Limits filterLimits) {
    return new StewardConfig(
        dataDir,
        store,
        keyring,
        http,
        policyFile,
        keysDir,
        keyVariables,
        passwordHashing,
        phoneRegion,
        mail,
        opendsr,
        scheduling,
        purgeWebhook,
        smsWebhook,
        logFormat,
        filterLimits);
  }

  /** The same configuration with other limits on a filtered list. */
  public StewardConfig withFilterLimits(DecisionFilter.Limits limits) {
    return with(opendsr, scheduling, purgeWebhook, limits);
  }

  /**
   * How the node's db-scheduler runs jobs (letters, fulfilment tasks, callbacks, recurring jobs).
   *
   * @param pollingInterval how often the node looks for due executions; a letter or task waits up
   *     to this long after its transaction commits
   * @param heartbeatInterval how often the node marks the executions it runs as alive; one whose
   *     node missed {@link #MISSED_HEARTBEATS} beats (a node killed or cut off) is taken over by
   *     any node, the restarted one included
   */
  public record Scheduling(Duration pollingInterval, Duration heartbeatInterval) {
    public static final int MISSED_HEARTBEATS = 6;

    public Scheduling {
      if (pollingInterval == null || pollingInterval.toMillis() < 10) {
        throw new IllegalArgumentException(
            "scheduler-poll-millis must be at least 10, was "
                + (pollingInterval == null ? null : pollingInterval.toMillis()));
      }
      if (heartbeatInterval == null || heartbeatInterval.toMillis() < 100) {
        throw new IllegalArgumentException(
            "scheduler-heartbeat-millis must be at least 100, was "
                + (heartbeatInterval == null ? null : heartbeatInterval.toMillis()));
      }
    }

    /**
     * Polls every 5 s; beats every 30 s, so work a killed node held is resumed within about three
     * minutes rather than db-scheduler's default half hour.
     */
    public static Scheduling defaults() {
      return new Scheduling(Duration.ofSeconds(5), Duration.ofSeconds(30));
    }
  }
}
