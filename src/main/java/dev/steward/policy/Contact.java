package dev.steward.policy;

import java.util.List;
import java.util.Optional;

/**
 * One contact route of an entity for the people of some regions: post, email, phone or a web page.
 * At least one channel is present in a valid policy.
 *
 * @param attention the office or role that letters are addressed to, e.g. the DPO
 */
public record Contact(
    String id,
    List<String> regions,
    Optional<String> attention,
    Optional<String> post,
    Optional<String> email,
    Optional<String> phone,
    Optional<String> web) {

  public Contact {
    regions = List.copyOf(regions);
  }
}
