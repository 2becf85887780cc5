package dev.steward.vault;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** Records of these categories survive an erasure under {@code ground} until {@code expiresAt}. */
public record KeepUnderExemption(
    ExemptionGround ground, Set<String> categories, Instant expiresAt) {
  public KeepUnderExemption {
    Objects.requireNonNull(ground, "ground");
    categories = Set.copyOf(categories);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
