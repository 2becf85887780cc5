package dev.steward.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A legal entity of the group that processes personal data.
 *
 * @param country ISO 3166-1 alpha-2 code of the country of incorporation
 * @param parent the id of the entity that owns this one, when the policy says so
 * @param contacts the routes by which people reach this entity, each serving some regions
 */
public record Entity(
    String id,
    String legalName,
    String country,
    Set<Role> roles,
    Optional<String> parent,
    List<Contact> contacts) {

  public Entity {
    roles = Set.copyOf(roles);
    contacts = List.copyOf(contacts);
  }

  /** What the entity does with personal data. */
  public enum Role {
    CONTROLLER,
    PROCESSOR,
    GROUP_COMPANY
  }
}
