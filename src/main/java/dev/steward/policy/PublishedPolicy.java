package dev.steward.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * A policy as published: the validated model, the label the company gave it, the SHA-256 of the
 * exact file content, when it was published, and when it took (or takes) force.
 *
 * @param inForceFrom the later of its publication and the start of its effective date (see {@link
 *     PolicyVersions}); a version published before scheduling existed took force when published
 */
public record PublishedPolicy(
    String version, String contentHash, Instant publishedAt, Instant inForceFrom, Policy policy) {
  public PublishedPolicy {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(inForceFrom, "inForceFrom");
    Objects.requireNonNull(policy, "policy");
  }

  /** A version in force from its publication. */
  public PublishedPolicy(String version, String contentHash, Instant publishedAt, Policy policy) {
    this(version, contentHash, publishedAt, publishedAt, policy);
  }
}
