package dev.steward.principal;

import static dev.steward.principal.Permission.*;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Kinds of client account, and the most their tokens may ever be scoped to. */
public enum ClientKind {
  /** A CDN customer: asks for copies of its content to be removed from the network. */
  BUSINESS_CUSTOMER(EnumSet.of(CONTENT_REMOVAL_SUBMIT, REQUEST_READ, API_DESCRIBE)),
  /** One of the company's own systems: submits requests, reads and writes subject data. */
  INTEGRATION(
      EnumSet.of(
          REQUEST_SUBMIT,
          REQUEST_READ,
          SUBJECT_READ,
          SUBJECT_WRITE,
          POLICY_READ,
          DECISION_READ,
          MARKETING_SEND,
          SUPPRESSION_EXPORT,
          API_DESCRIBE)),
  /** A controller sending rights requests to Steward over OpenDSR. */
  OPENDSR_CONTROLLER(EnumSet.of(OPENDSR_SUBMIT, API_DESCRIBE)),
  /** A processor Steward calls over OpenDSR; it reports back on callbacks. */
  OPENDSR_PROCESSOR(EnumSet.of(OPENDSR_SUBMIT, API_DESCRIBE));

  private final Set<Permission> allowed;

  ClientKind(Set<Permission> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  public Set<Permission> allowed() {
    return allowed;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static java.util.Optional<ClientKind> fromId(String id) {
    for (ClientKind kind : values()) {
      if (kind.id().equals(id)) {
        return java.util.Optional.of(kind);
      }
    }
    return java.util.Optional.empty();
  }
}
