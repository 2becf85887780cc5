package dev.steward.policy;

import dev.steward.error.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The entry point to policy files: check one and get every located problem, load one that must be
 * valid, or get the policy bundled with Steward. Thread-safe.
 *
 * <p>The clock decides which years a dated holiday calendar must cover; pass a fixed clock in
 * tests.
 */
public final class PolicyChecker {
  /** Where the bundled policy lives on the classpath. */
  public static final String BUNDLED_RESOURCE = "policy/bundled-policy.yaml";

  private final PolicyValidator validator;

  public PolicyChecker(Clock clock) {
    this.validator = new PolicyValidator(Objects.requireNonNull(clock, "clock"));
  }

  /** A checker on the system clock in UTC. */
  public static PolicyChecker onSystemClock() {
    return new PolicyChecker(Clock.systemUTC());
  }

  /** Checks the file (and what it includes); never throws for bad content. */
  public CheckReport check(Path file) {
    return validator.validate(file);
  }

  /**
   * Checks the file and captures the exact texts read (the file and its includes), for publishing.
   * The snapshot is empty when nothing could be read.
   */
  public Published readForPublishing(Path file) {
    PolicyValidator.Snapshotted result = validator.validateWithSnapshot(file);
    return new Published(result.report(), result.snapshot());
  }

  /** A check report and the snapshot of what was checked. */
  public record Published(CheckReport report, java.util.Optional<PolicySnapshot> snapshot) {}

  /** Checks a snapshot fully, as for publishing, reading its files from memory. */
  public CheckReport check(PolicySnapshot snapshot) {
    return validator.validate(snapshot, true);
  }

  /**
   * Reads back a published snapshot. The calendar checks, which depend on today's date and on
   * jollyday's data, are not made again: a version once published stays loadable.
   */
  public CheckReport reload(PolicySnapshot snapshot) {
    return validator.validate(snapshot, false);
  }

  /**
   * What the calendar checks find in a policy today (the clock's): calendars that cannot be used,
   * and year-by-year data that has run out or runs out next year, each naming the last year it
   * covers. A node reports them for the policy in force at start and every day, so that a missing
   * year is known before the first clock needs it. The problems carry no position in the file.
   */
  public List<Problem> calendarFindings(Policy policy) {
    return validator.calendarFindings(policy);
  }

  /** Checks a policy held in memory, e.g. uploaded; {@code name} labels its problems. */
  public CheckReport check(String name, String yaml) {
    return validator.validate(name, yaml);
  }

  /**
   * The valid policy in {@code file}.
   *
   * @throws InvalidPolicyException listing every problem when there is an error
   */
  public Policy loadValid(Path file) {
    return check(file).orThrow();
  }

  /** Checks the bundled policy. */
  public CheckReport checkBundled() {
    return check(BUNDLED_RESOURCE, bundledText());
  }

  /**
   * The policy Steward ships with, encoding its source company's published practices.
   *
   * @throws InvalidPolicyException if the bundled file does not pass (a build defect)
   */
  public Policy bundled() {
    return checkBundled().orThrow();
  }

  /** The bundled policy file's text, as published. */
  public static String bundledText() {
    try (InputStream in =
        PolicyChecker.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new ConfigurationException("the bundled policy is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the bundled policy", e);
    }
  }
}
