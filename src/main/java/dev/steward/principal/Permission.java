package dev.steward.principal;

import java.util.Locale;

/**
 * What a route or an action needs. Staff get permissions through their {@link Role}; tokens carry a
 * subset of their owner's as scopes, named by {@link #scope()} (e.g. {@code audit:read}).
 */
public enum Permission {
  AUDIT_READ,
  USERS_MANAGE,
  CLIENTS_MANAGE,
  TOKENS_MANAGE,
  POLICY_READ,
  POLICY_PUBLISH,
  REGISTER_READ,
  SUBJECT_READ,
  SUBJECT_WRITE,
  SUBJECT_ERASE,
  /** Reads retention rules, dry-run counts, legal holds, sweep runs and their certificates. */
  RETENTION_READ,
  /** Places and releases legal holds and starts retention sweeps. */
  RETENTION_MANAGE,
  REQUEST_READ,
  /**
   * With {@link #REQUEST_READ}: a request's personal data as well, the requester's contact details,
   * what they wrote and staff notes. Without it a request is seen in outline only.
   */
  REQUEST_CONTACT_READ,
  REQUEST_WORK,
  REQUEST_ASSIGN,
  REQUEST_SUBMIT,
  CONTENT_REMOVAL_SUBMIT,
  OPENDSR_SUBMIT,
  /** Asks the decision service whether a use of a person's data is allowed. */
  DECISION_READ,
  /** Reads the breach register: incidents, their clocks, timeline, drafts and letters. */
  BREACH_READ,
  /** Records and works breach incidents: changes, decisions, notifications and letters. */
  BREACH_MANAGE,
  /** Sends marketing mail through Steward (suppression list and decisions checked per address). */
  MARKETING_SEND,
  /** Exports the suppression list (keyed hashes) for a mailing tool. */
  SUPPRESSION_EXPORT,
  METRICS_READ,
  API_DESCRIBE;

  /** The scope string used in tokens and the OpenAPI document, e.g. {@code subject:read}. */
  public String scope() {
    String lower = name().toLowerCase(Locale.ROOT);
    int split = lower.indexOf('_');
    return lower.substring(0, split) + ":" + lower.substring(split + 1).replace('_', '-');
  }

  /**
   * Parses a scope string; unknown scopes are refused by the caller with the list of valid ones.
   */
  public static java.util.Optional<Permission> fromScope(String scope) {
    for (Permission permission : values()) {
      if (permission.scope().equals(scope)) {
        return java.util.Optional.of(permission);
      }
    }
    return java.util.Optional.empty();
  }
}
