package dev.steward.policy;

import dev.steward.principal.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks a policy, says what it changes against the version in force, and publishes it: the one
 * path of {@code steward policy publish} and {@code POST /api/v1/policy/versions}. A policy with
 * errors is refused with every located problem ({@link InvalidPolicyException}); a check-only call
 * stores nothing. Publishing is audited by {@link PolicyVersions#publish}. Thread-safe.
 */
public final class PolicyPublishing {
  private final PolicyVersions versions;
  private final PolicyChecker checker;

  public PolicyPublishing(PolicyVersions versions, PolicyChecker checker) {
    this.versions = versions;
    this.checker = checker;
  }

  /**
   * What a check or a publication found.
   *
   * @param published the version as stored; empty for a check only
   * @param changes what changes against the version in force; none while no version is
   * @param warnings the check's warnings, as FILE:LINE:COLUMN messages
   */
  public record Outcome(
      String version,
      String contentHash,
      Optional<PublishedPolicy> published,
      List<PolicyChange> changes,
      List<String> warnings) {
    /** True when people must be told of a change (a "!" in {@code policy diff}). */
    public boolean significant() {
      return changes.stream().anyMatch(PolicyChange::significant);
    }

    /** True when the version takes force later than now, at its effective date. */
    public boolean scheduled(Instant now) {
      return published.map(p -> p.inForceFrom().isAfter(now)).orElse(false);
    }
  }

  /**
   * Checks {@code snapshot}, and unless {@code checkOnly}, publishes it on behalf of {@code actor}.
   *
   * @throws InvalidPolicyException when the policy has errors
   * @throws dev.steward.error.ConflictException when its version label is taken by other content
   */
  public Outcome publish(PolicySnapshot snapshot, Principal actor, boolean checkOnly) {
    CheckReport report = checker.check(snapshot);
    Policy policy = report.orThrow();
    List<String> warnings = report.warnings().stream().map(Problem::format).toList();
    List<PolicyChange> changes =
        versions.isEmpty() ? List.of() : PolicyDiff.between(versions.current().policy(), policy);
    Optional<PublishedPolicy> published =
        checkOnly ? Optional.empty() : Optional.of(versions.publish(snapshot, actor));
    return new Outcome(policy.version(), snapshot.contentHash(), published, changes, warnings);
  }
}
