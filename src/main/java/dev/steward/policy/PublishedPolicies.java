package dev.steward.policy;

import java.util.List;
import java.util.Optional;

/**
 * The policy versions published to the store. One is in force at a time on every node: the one
 * whose time to take force came last (its effective date, or its publication if later); older ones
 * stay readable for the notice history and for what a person was shown, and a version published
 * ahead of its effective date waits. Thread-safe.
 */
public interface PublishedPolicies {
  /** The version in force. */
  PublishedPolicy current();

  /**
   * The version that will take force next, published ahead of its effective date, if any. A fixed
   * set of versions without a schedule has none.
   */
  default Optional<PublishedPolicy> upcoming() {
    return Optional.empty();
  }

  /** A published version by its label, if any. */
  Optional<PublishedPolicy> version(String version);

  /** Every published version, oldest first. */
  List<PublishedPolicy> all();
}
