package dev.steward.request;

import dev.steward.error.ConfigurationException;

/**
 * Sends a one-time code by text message. Steward ships no provider: a deployment that verifies
 * phone numbers supplies one. Implementations must be thread-safe and must not log the number or
 * the text.
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
              + " give an email address, or configure an SmsSender for this node");
    };
  }
}
