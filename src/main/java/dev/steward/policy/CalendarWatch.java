package dev.steward.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator, at a node's start and every day, what the calendar checks find in the policy
 * in force today (and in a version scheduled to follow it): a calendar that cannot be used, and
 * year-by-year data (a dated calendar, or a jollyday calendar's corrections) that has run out or
 * runs out at the end of the year, with the last year it covers. The check made these findings when
 * the version was published, but the date moves on: the warning for next year's data comes the
 * whole year before the first clock needs it. Stateless; thread-safe.
 */
public final class CalendarWatch {
  private static final Logger log = LoggerFactory.getLogger(CalendarWatch.class);

  private final PublishedPolicies policies;
  private final PolicyChecker checker;

  /**
   * @param checker a checker on the node's clock, which decides what "today" is
   */
  public CalendarWatch(PublishedPolicies policies, PolicyChecker checker) {
    this.policies = Objects.requireNonNull(policies, "policies");
    this.checker = Objects.requireNonNull(checker, "checker");
  }

  /**
   * Each finding as one line naming the version, e.g. {@code policy version 2019-10: warning: ...}.
   */
  public List<String> findings() {
    List<String> lines = new ArrayList<>();
    List<PublishedPolicy> watched = new ArrayList<>();
    watched.add(policies.current());
    policies.upcoming().ifPresent(watched::add);
    for (PublishedPolicy version : watched) {
      lines.addAll(findings(version));
    }
    return lines;
  }

  private List<String> findings(PublishedPolicy version) {
    List<String> lines = new ArrayList<>();
    for (Problem problem : checker.calendarFindings(version.policy())) {
      lines.add(
          "policy version "
              + version.version()
              + ": "
              + problem.severity().label()
              + ": "
              + problem.message()
              + (problem.hint().isEmpty() ? "" : " (hint: " + problem.hint() + ")"));
    }
    return lines;
  }

  /** Logs every finding as a warning; answers how many there were. */
  public int report() {
    List<String> lines = findings();
    lines.forEach(log::warn);
    return lines.size();
  }
}
