package dev.steward.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * A policy as published: the validated model, the label the company gave it, the SHA-256 of the
 * exact file content, and when it took effect in Steward.
 */
public record PublishedPolicy(
    String version, String contentHash, Instant publishedAt, Policy policy) {
  public PublishedPolicy {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(policy, "policy");
  }
}
