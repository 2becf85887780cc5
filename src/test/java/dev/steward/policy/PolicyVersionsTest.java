package dev.steward.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.audit.AuditTrail;
import dev.steward.error.ConflictException;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyVersionsTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
  private static final Principal DPO = new Principal.System("test");
  private final List<String> audited = new ArrayList<>();
  private final AuditTrail audit =
      (actor, action, type, id, outcome, detail) -> audited.add(action + " " + id);

  private static PolicySnapshot bundled() {
    return PolicySnapshot.ofText(PolicyChecker.BUNDLED_RESOURCE, PolicyChecker.bundledText());
  }

  /** The bundled text under another version label, with one more recipient. */
  private static PolicySnapshot nextVersion() {
    String text =
        PolicyChecker.bundledText().replaceFirst("(?m)^version: .*$", "version: \"2026-12\"");
    return PolicySnapshot.ofText("next.yaml", text);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void publish_firstVersion_isInForceAndAudited(Engine engine) {
    try (Database database = TestDatabases.open(engine)) {
      PolicyVersions versions = new PolicyVersions(database, new PolicyChecker(NOW), audit, NOW);
      assertThat(versions.isEmpty()).isTrue();
      PublishedPolicy published = versions.publish(bundled(), DPO);
      assertThat(versions.current().contentHash()).isEqualTo(published.contentHash());
      assertThat(published.version()).isEqualTo("2019-10");
      assertThat(audited).contains("policy.published 2019-10");
    }
  }

  @org.junit.jupiter.api.Test
  void bringIntoForce_bundledDemonstration_tellsTheOperatorToWriteTheirOwn() {
    try (Database database = TestDatabases.open(Engine.H2)) {
      PolicyVersions versions = new PolicyVersions(database, new PolicyChecker(NOW), audit, NOW);
      List<String> notices = new ArrayList<>();

      new PolicyStartup(versions, new PolicyChecker(NOW))
          .bringIntoForce(java.util.Optional.empty(), false, DPO, notices::add);

      assertThat(notices)
          .singleElement()
          .asString()
          .contains("is a demonstration", "steward policy init");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void publish_sameContentAgain_changesNothing(Engine engine) {
    try (Database database = TestDatabases.open(engine)) {
      PolicyVersions versions = new PolicyVersions(database, new PolicyChecker(NOW), audit, NOW);
      versions.publish(bundled(), DPO);
      versions.publish(bundled(), DPO);
      assertThat(versions.all()).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void publish_sameLabelWithOtherContent_isAConflict(Engine engine) {
    try (Database database = TestDatabases.open(engine)) {
      PolicyVersions versions = new PolicyVersions(database, new PolicyChecker(NOW), audit, NOW);
      versions.publish(bundled(), DPO);
      String changed = PolicyChecker.bundledText() + "\n# a comment changes the content\n";
      assertThatThrownBy(() -> versions.publish(PolicySnapshot.ofText("x.yaml", changed), DPO))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("2019-10");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void publish_newVersion_keepsTheOldOneReadable(Engine engine) {
    try (Database database = TestDatabases.open(engine)) {
      PolicyVersions versions = new PolicyVersions(database, new PolicyChecker(NOW), audit, NOW);
      versions.publish(bundled(), DPO);
      assertThat(versions.all()).extracting(PublishedPolicy::version).containsExactly("2019-10");
      versions.publish(nextVersion(), DPO);
      assertThat(versions.current().version()).isEqualTo("2026-12");
      assertThat(versions.version("2019-10")).isPresent();
      assertThat(versions.all())
          .extracting(PublishedPolicy::version)
          .containsExactly("2019-10", "2026-12");
      assertThatThrownBy(() -> versions.publish(bundled(), DPO))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("new version label");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void current_yearsAfterPublication_stillLoadsThoughDatedCalendarsRanOut(Engine engine) {
    try (Database database = TestDatabases.open(engine)) {
      new PolicyVersions(database, new PolicyChecker(NOW), audit, NOW).publish(bundled(), DPO);
      Clock later = Clock.fixed(Instant.parse("2031-06-01T00:00:00Z"), ZoneOffset.UTC);
      assertThat(new PolicyChecker(later).check(bundled()).hasErrors()).isTrue();
      PolicyVersions reopened =
          new PolicyVersions(database, new PolicyChecker(later), audit, later);
      assertThat(reopened.current().version()).isEqualTo("2019-10");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void anotherNode_seesANewPublicationWithinTheRefreshInterval(Engine engine) {
    try (Database database = TestDatabases.open(engine)) {
      MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
      PolicyVersions first = new PolicyVersions(database, new PolicyChecker(NOW), audit, clock);
      PolicyVersions second = new PolicyVersions(database, new PolicyChecker(NOW), audit, clock);
      first.publish(bundled(), DPO);
      assertThat(second.current().version()).isEqualTo("2019-10");
      first.publish(nextVersion(), DPO);
      clock.advance(PolicyVersions.REFRESH.plusMillis(1));
      assertThat(second.current().version()).isEqualTo("2026-12");
    }
  }

  /** The bundled text under another label, in force from {@code effectiveDate}. */
  private static PolicySnapshot effectiveOn(String version, String effectiveDate) {
    String text =
        PolicyChecker.bundledText()
            .replaceFirst("(?m)^version: .*$", "version: \"" + version + "\"")
            .replaceFirst("(?m)^effective_date: .*$", "effective_date: " + effectiveDate);
    return PolicySnapshot.ofText(version + ".yaml", text);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void publish_withAFutureEffectiveDate_takesForceOnThatDayOnEveryNode(Engine engine) {
    try (Database database = TestDatabases.open(engine)) {
      MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
      PolicyVersions first = new PolicyVersions(database, new PolicyChecker(NOW), audit, clock);
      PolicyVersions second = new PolicyVersions(database, new PolicyChecker(NOW), audit, clock);
      first.publish(bundled(), DPO);
      assertThat(second.current().version()).isEqualTo("2019-10");

      first.publish(effectiveOn("2026-12", "2026-12-01"), DPO);

      assertThat(first.current().version()).isEqualTo("2019-10");
      clock.advance(PolicyVersions.REFRESH.plusMillis(1));
      assertThat(second.current().version()).isEqualTo("2019-10");
      assertThat(second.all()).extracting(PublishedPolicy::version).contains("2026-12");
      // 1 December has begun in every zone of the policy's jurisdictions only at midnight in Los
      // Angeles, the last of them: 08:00 UTC.
      clock.set(Instant.parse("2026-12-01T07:59:59Z"));
      assertThat(first.current().version()).isEqualTo("2019-10");
      assertThat(second.current().version()).isEqualTo("2019-10");
      clock.set(Instant.parse("2026-12-01T08:00:00Z"));
      assertThat(first.current().version()).isEqualTo("2026-12");
      assertThat(second.current().version()).isEqualTo("2026-12");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void publish_effectiveNowWhileAnotherIsScheduled_takesForceNowAndTheScheduledOneStillFollows(
      Engine engine) {
    try (Database database = TestDatabases.open(engine)) {
      MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
      PolicyVersions versions = new PolicyVersions(database, new PolicyChecker(NOW), audit, clock);
      versions.publish(bundled(), DPO);
      versions.publish(effectiveOn("2026-12", "2026-12-01"), DPO);

      versions.publish(effectiveOn("2026-11b", "2026-11-01"), DPO);

      assertThat(versions.current().version()).isEqualTo("2026-11b");
      clock.set(Instant.parse("2026-12-02T00:00:00Z"));
      assertThat(versions.current().version()).isEqualTo("2026-12");
    }
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(java.time.Duration by) {
      now = now.plus(by);
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
