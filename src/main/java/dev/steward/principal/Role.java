package dev.steward.principal;

import static dev.steward.principal.Permission.*;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Staff roles and the permissions each one holds, on a need-to-know basis. */
public enum Role {
  /** Runs the installation: everything, including users and client accounts. */
  ADMIN(EnumSet.allOf(Permission.class)),
  /** The privacy team: policy, registers, subjects and requests; not user administration. */
  // Sending marketing mail is the company's marketing, granted by an administrator.
  DPO(
      EnumSet.complementOf(
          EnumSet.of(USERS_MANAGE, CLIENTS_MANAGE, OPENDSR_SUBMIT, MARKETING_SEND))),
  /**
   * Reads registers and reports; works no cases and sees no subject data: requests in outline only,
   * without the requester's contact details, what they wrote or staff notes.
   */
  ANALYST(
      EnumSet.of(
          POLICY_READ, REGISTER_READ, REQUEST_READ, METRICS_READ, TOKENS_MANAGE, API_DESCRIBE)),
  /** Works the requests assigned to them, and reaches the requester of those. */
  AGENT(
      EnumSet.of(
          POLICY_READ,
          REQUEST_READ,
          REQUEST_CONTACT_READ,
          REQUEST_WORK,
          REQUEST_SUBMIT,
          SUBJECT_READ,
          TOKENS_MANAGE,
          API_DESCRIBE)),
  /** Read-only: the audit log and the registers, the breach register and retention included. */
  AUDITOR(
      EnumSet.of(
          AUDIT_READ,
          POLICY_READ,
          REGISTER_READ,
          BREACH_READ,
          RETENTION_READ,
          TOKENS_MANAGE,
          API_DESCRIBE));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code admin}, {@code dpo} ...; empty when the name is not a role. */
  public static java.util.Optional<Role> fromId(String id) {
    for (Role role : values()) {
      if (role.id().equals(id)) {
        return java.util.Optional.of(role);
      }
    }
    return java.util.Optional.empty();
  }
}
