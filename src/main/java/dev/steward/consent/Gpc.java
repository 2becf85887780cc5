package dev.steward.consent;

/**
 * Global Privacy Control. The request header is {@code Sec-GPC}; only the exact value {@code 1}
 * signals a preference, and any other value (empty, {@code true}, {@code 1 }, {@code 0}, a list) is
 * treated as if the header were absent, as the GPC specification says (section 3.1: "any other
 * value ... MUST be treated as if the header were not present"). Under CCPA a signal is a valid
 * opt-out of sale/sharing for the browser and any profile linked to it, asking for nothing more (11
 * CCR 7025).
 */
public final class Gpc {
  public static final String HEADER = "Sec-GPC";

  private Gpc() {}

  /** True when the header's value (null when absent) is a GPC signal. */
  public static boolean signalled(String headerValue) {
    return "1".equals(headerValue);
  }
}
