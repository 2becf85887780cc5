package dev.steward.policy;

import dev.steward.error.ConflictException;
import dev.steward.principal.Principal;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decides which policy a starting node serves. The store's published version is in force on every
 * node: the first start on an empty store publishes the given file (or the bundled policy); later a
 * node whose file differs says so and serves the published version, unless told to publish.
 */
public final class PolicyStartup {
  private final PolicyVersions versions;
  private final PolicyChecker checker;

  public PolicyStartup(PolicyVersions versions, PolicyChecker checker) {
    this.versions = versions;
    this.checker = checker;
  }

  /**
   * @param file the policy file named at start-up, or empty for the bundled policy
   * @param publish publish the file even when the store already has a version in force
   * @param notices where to tell the operator about a file that is not the one in force
   * @throws InvalidPolicyException when the file has errors (every problem, located)
   */
  public PublishedPolicy bringIntoForce(
      Optional<Path> file, boolean publish, Principal actor, Consumer<String> notices) {
    PublishedPolicy inForce = choose(file, publish, actor, notices);
    if (inForce.policy().demo()) {
      notices.accept(
          "the policy in force, version "
              + inForce.version()
              + ", is a demonstration: its public notice names another company. Write your own"
              + " with 'steward policy init FILE', then 'steward policy publish FILE'.");
    }
    return inForce;
  }

  private PublishedPolicy choose(
      Optional<Path> file, boolean publish, Principal actor, Consumer<String> notices) {
    PolicySnapshot snapshot = file.map(this::read).orElseGet(PolicyStartup::bundled);
    if (publish) {
      return versions.publish(snapshot, actor);
    }
    if (versions.isEmpty()) {
      try {
        return versions.publish(snapshot, actor);
      } catch (ConflictException e) {
        // Another node starting on the same empty store published first; its version is in force.
        if (versions.isEmpty()) {
          throw e;
        }
      }
    }
    PublishedPolicy current = versions.current();
    Optional<PublishedPolicy> upcoming =
        versions.upcoming().filter(next -> next.contentHash().equals(snapshot.contentHash()));
    if (file.isPresent() && upcoming.isPresent()) {
      notices.accept(
          "the policy file "
              + file.get()
              + " is version "
              + upcoming.get().version()
              + ", published and in force from "
              + upcoming.get().inForceFrom()
              + "; until then version "
              + current.version()
              + " is served.");
    } else if (file.isPresent() && !current.contentHash().equals(snapshot.contentHash())) {
      notices.accept(
          "the policy file "
              + file.get()
              + " differs from version "
              + current.version()
              + " published "
              + current.publishedAt()
              + "; serving the published version. Publish the file with 'steward policy publish"
              + " FILE' or start with --publish-policy.");
    }
    return current;
  }

  private PolicySnapshot read(Path file) {
    PolicyChecker.Published read = checker.readForPublishing(file);
    read.report().orThrow();
    return read.snapshot().orElseThrow();
  }

  static PolicySnapshot bundled() {
    return PolicySnapshot.ofText(PolicyChecker.BUNDLED_RESOURCE, PolicyChecker.bundledText());
  }
}
