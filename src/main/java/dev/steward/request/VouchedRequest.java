package dev.steward.request;

import java.time.Instant;

/**
 * A request sent by someone who has verified the person already and answers for it, such as an
 * OpenDSR controller: Steward starts no verification of its own and writes nothing to the person.
 * Holds personal data; {@link #toString()} shows none.
 *
 * @param type a request type as the policy names it, e.g. {@code erasure}
 * @param residence the person's ISO 3166 country or region, which decides the laws and clocks
 * @param channel stored as the request's channel, e.g. {@code opendsr}
 * @param method recorded as how the request was verified, e.g. {@code opendsr_controller}
 * @param receivedAt when the sender received it, or null for now
 */
public record VouchedRequest(
    String type,
    String residence,
    String email,
    String phone,
    String channel,
    String method,
    Instant receivedAt) {

  @Override
  public String toString() {
    return "VouchedRequest[type="
        + type
        + ", residence="
        + residence
        + ", channel="
        + channel
        + "]";
  }
}
