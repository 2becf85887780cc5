package dev.steward.policy;

import java.util.Optional;

/**
 * The data protection officer, designated by an entity (GDPR Art. 37(1)). A DPO on the staff of an
 * entity is reached through one of its contact routes ({@code contact}); one who serves under a
 * service contract (Art. 37(6)) has channels of their own ({@code external}). A valid policy has
 * exactly one of the two.
 *
 * @param entity the id of the entity that designates the DPO
 * @param contact the id of the contact route to a DPO on the staff
 * @param external the DPO under a service contract, with their own channels
 */
public record Dpo(
    String entity, Optional<String> contact, Optional<External> external, Optional<String> title) {

  /** A DPO on the staff of {@code entity}, reached through the contact route {@code contact}. */
  public Dpo(String entity, String contact, Optional<String> title) {
    this(entity, Optional.of(contact), Optional.empty(), title);
  }

  /**
   * A DPO who is not a staff member of any entity of the group but serves it under a service
   * contract (GDPR Art. 37(6)). At least one channel is present in a valid policy.
   *
   * @param name the person or firm, as the notice names them
   * @param organisation the firm the person works for, when {@code name} is a person
   */
  public record External(
      String name,
      Optional<String> organisation,
      Optional<String> post,
      Optional<String> email,
      Optional<String> phone,
      Optional<String> web) {}
}
