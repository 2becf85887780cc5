package dev.steward.policy;

import java.util.Optional;

/** A document the company gives on request, and the contact route that handles the request. */
public record OfferedDocument(
    String id, String name, Kind kind, String contact, Optional<String> url) {

  public enum Kind {
    DPA,
    SUB_PROCESSOR_LIST,
    TRANSFER_SAFEGUARDS,
    SECURITY_POLICIES,
    SHINE_THE_LIGHT,
    OTHER
  }
}
