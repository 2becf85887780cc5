package dev.steward.policy;

import java.util.List;
import java.util.Optional;

/**
 * A system that holds personal data.
 *
 * @param owner the id of the entity responsible for it, or {@code unstated}
 * @param location ISO 3166-1 alpha-2 country where the data sits, {@code EU} or {@code EEA} for a
 *     system somewhere in that area, or {@code unstated}
 * @param processor whether a processor runs it for us; empty when the policy leaves it unstated
 * @param connector how Steward reaches its data for rights requests and retention; empty when staff
 *     act on it by hand
 */
public record DataSystem(
    String id,
    String name,
    String owner,
    String location,
    Optional<Boolean> processor,
    List<String> categories,
    Optional<Connector> connector) {

  public DataSystem {
    categories = List.copyOf(categories);
  }

  /** A system Steward does not reach itself. */
  public DataSystem(
      String id,
      String name,
      String owner,
      String location,
      Optional<Boolean> processor,
      List<String> categories) {
    this(id, name, owner, location, processor, categories, Optional.empty());
  }
}
