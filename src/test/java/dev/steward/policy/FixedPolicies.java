package dev.steward.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Published policies for tests that need one policy in force and no store. */
public final class FixedPolicies {
  private FixedPolicies() {}

  /** {@code policy} as the only published version, "1", in force. */
  public static PublishedPolicies of(Policy policy) {
    PublishedPolicy published = new PublishedPolicy("1", "hash", Instant.EPOCH, policy);
    return new PublishedPolicies() {
      @Override
      public PublishedPolicy current() {
        return published;
      }

      @Override
      public Optional<PublishedPolicy> version(String version) {
        return Optional.of(published);
      }

      @Override
      public List<PublishedPolicy> all() {
        return List.of(published);
      }
    };
  }
}
