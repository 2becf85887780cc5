package dev.steward.logscan;

/** How a retention action makes logged IP addresses no longer point at one person. */
public enum IpPseudonymisation {
  /** IPv4 to its /24 ({@code 203.0.113.0}), IPv6 to its /48; the same address, again, stays. */
  TRUNCATE,
  /** {@code ip-} and 16 hex digits of HMAC-SHA256 under a key: joins lines, names no one. */
  KEYED_HASH
}
