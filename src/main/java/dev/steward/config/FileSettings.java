package dev.steward.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The optional {@code steward.yaml} in the data directory; every key is optional. */
record FileSettings(
    @JsonProperty("port") Integer port,
    @JsonProperty("host") String host,
    @JsonProperty("db-url") String dbUrl,
    @JsonProperty("db-pool-size") Integer dbPoolSize,
    @JsonProperty("keyring-url") String keyringUrl,
    @JsonProperty("phone-region") String phoneRegion,
    @JsonProperty("policy") String policy,
    @JsonProperty("keys-dir") String keysDir,
    @JsonProperty("max-body-bytes") Long maxBodyBytes,
    @JsonProperty("public-rate-per-minute") Integer publicRatePerMinute,
    @JsonProperty("public-rate-burst") Integer publicRateBurst,
    @JsonProperty("cors-origins") List<String> corsOrigins,
    @JsonProperty("public-url") String publicUrl,
    @JsonProperty("trusted-proxies") List<String> trustedProxies,
    @JsonProperty("log-format") String logFormat,
    @JsonProperty("smtp-host") String smtpHost,
    @JsonProperty("smtp-port") Integer smtpPort,
    @JsonProperty("smtp-security") String smtpSecurity,
    @JsonProperty("smtp-username") String smtpUsername,
    @JsonProperty("mail-from") String mailFrom,
    @JsonProperty("opendsr-key") String opendsrKey,
    @JsonProperty("opendsr-certificate") String opendsrCertificate,
    @JsonProperty("opendsr-domain") String opendsrDomain,
    @JsonProperty("opendsr-gdpr-residence") String opendsrGdprResidence,
    @JsonProperty("opendsr-ccpa-residence") String opendsrCcpaResidence,
    @JsonProperty("scheduler-poll-millis") Integer schedulerPollMillis,
    @JsonProperty("scheduler-heartbeat-millis") Integer schedulerHeartbeatMillis,
    @JsonProperty("purge-webhook-url") String purgeWebhookUrl,
    @JsonProperty("purge-webhook-secret-file") String purgeWebhookSecretFile,
    @JsonProperty("purge-webhook-timeout-seconds") Integer purgeWebhookTimeoutSeconds,
    @JsonProperty("sms-webhook-url") String smsWebhookUrl,
    @JsonProperty("sms-webhook-secret-file") String smsWebhookSecretFile,
    @JsonProperty("sms-webhook-timeout-seconds") Integer smsWebhookTimeoutSeconds,
    @JsonProperty("filter-max-bytes") Long filterMaxBytes,
    @JsonProperty("filter-max-lines") Long filterMaxLines,
    @JsonProperty("filter-max-line-bytes") Integer filterMaxLineBytes) {

  WebhookSettings purgeWebhook() {
    return new WebhookSettings(
        "purge-webhook", purgeWebhookUrl, purgeWebhookSecretFile, purgeWebhookTimeoutSeconds);
  }

  WebhookSettings smsWebhook() {
    return new WebhookSettings(
        "sms-webhook", smsWebhookUrl, smsWebhookSecretFile, smsWebhookTimeoutSeconds);
  }

  static FileSettings empty() {
    return new FileSettings(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null);
  }
}
