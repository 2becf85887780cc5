package dev.steward.policy;

import java.util.List;
import java.util.Optional;

/**
 * The policy versions published to the store. The latest is the one in force on every node; older
 * ones stay readable for the notice history and for what a person was shown. Thread-safe.
 */
public interface PublishedPolicies {
  /** The version in force. */
  PublishedPolicy current();

  /** A published version by its label, if any. */
  Optional<PublishedPolicy> version(String version);

  /** Every published version, oldest first. */
  List<PublishedPolicy> all();
}
