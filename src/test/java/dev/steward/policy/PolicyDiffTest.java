package dev.steward.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDiffTest {
  private static final PolicyChecker CHECKER =
      new PolicyChecker(Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));

  private static Policy bundledWith(String from, String to) {
    String text = PolicyChecker.bundledText();
    assertThat(text).contains(from);
    return CHECKER.check("changed.yaml", text.replace(from, to)).orThrow();
  }

  @Test
  void diff_ofAPolicyWithItself_isEmpty() {
    Policy policy = CHECKER.bundled();
    assertThat(PolicyDiff.between(policy, policy)).isEmpty();
  }

  @Test
  void diff_longerRetention_isSignificant() {
    Policy before = CHECKER.bundled();
    Policy after = bundledWith("period: P6Y", "period: P7Y");
    List<PolicyChange> changes = PolicyDiff.between(before, after);
    assertThat(changes)
        .filteredOn(c -> c.section().equals("retention"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(PolicyChange.Kind.CHANGED);
              assertThat(c.significant()).isTrue();
              assertThat(c.detail()).contains("P6Y").contains("P7Y");
            });
  }

  @Test
  void diff_shorterRetention_isNotSignificant() {
    Policy before = CHECKER.bundled();
    Policy after = bundledWith("period: P6Y", "period: P5Y");
    assertThat(PolicyDiff.between(before, after))
        .filteredOn(c -> c.section().equals("retention"))
        .allSatisfy(c -> assertThat(c.significant()).isFalse());
  }

  @Test
  void diff_removedPurpose_isListedAsRemoved() {
    Policy before = CHECKER.bundled();
    Purpose dropped = before.purposes().get(before.purposes().size() - 1);
    List<PolicyChange> changes = PolicyDiff.between(before, withoutPurpose(before, dropped));
    assertThat(changes)
        .anySatisfy(
            c -> {
              assertThat(c.section()).isEqualTo("purposes");
              assertThat(c.id()).isEqualTo(dropped.id());
              assertThat(c.kind()).isEqualTo(PolicyChange.Kind.REMOVED);
            });
    List<PolicyChange> reverse = PolicyDiff.between(withoutPurpose(before, dropped), before);
    assertThat(reverse)
        .anySatisfy(
            c -> {
              assertThat(c.id()).isEqualTo(dropped.id());
              assertThat(c.kind()).isEqualTo(PolicyChange.Kind.ADDED);
              assertThat(c.significant()).as("a new purpose must be notified").isTrue();
            });
  }

  private static Policy withoutPurpose(Policy policy, Purpose dropped) {
    return new Policy(
        policy.version(),
        policy.effectiveDate(),
        policy.regions(),
        policy.entities(),
        policy.jointControllers(),
        policy.dpo(),
        policy.subjectTypes(),
        policy.identityTypes(),
        policy.categories(),
        policy.sources(),
        policy.systems(),
        policy.purposes().stream().filter(p -> !p.equals(dropped)).toList(),
        policy.recipients(),
        policy.transfers(),
        policy.trackers(),
        policy.forms(),
        policy.retentionRules(),
        policy.exemptions(),
        policy.documents(),
        policy.jurisdictions(),
        policy.calendars(),
        policy.changeNotification(),
        policy.directedAtChildren(),
        policy.financialYearEnd(),
        policy.demo(),
        policy.translations());
  }
}
