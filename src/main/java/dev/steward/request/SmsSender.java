package dev.steward.request;

import dev.steward.error.ConfigurationException;

/**
 * Sends a one-time code by text message: through the deployment's SMS gateway when {@code
 * sms-webhook-url} is configured ({@link WebhookSmsSender}), or another implementation a node is
 * given. Implementations must be thread-safe and must not log the number or the text.
 */
@FunctionalInterface
public interface SmsSender {

  /**
   * Sends {@code text} to {@code phone} (E.164), or throws; a failure rolls back the intake or
   * resend that asked for it.
   */
  void send(String phone, String text);

  /** The sender of a node without a provider: any use is a configuration problem. */
  static SmsSender unconfigured() {
    return (phone, text) -> {
      throw new ConfigurationException(
          "no SMS provider is configured, so a code cannot be sent to a phone number;"
              + " give an email address, or configure sms-webhook-url for this node");
    };
  }
}
