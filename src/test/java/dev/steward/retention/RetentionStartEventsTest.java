package dev.steward.retention;

import static dev.steward.retention.RetentionFixture.DPO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.store.Engine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules counted from the person's last activity and from the closing of their last rights request,
 * with the clock set one day before each person's boundary and on it.
 */
class RetentionStartEventsTest {
  private static final String RULES =
      "  - {id: dormant-service, categories: [service], period: P2Y, start: last_activity,"
          + " action: delete}\n"
          + "  - {id: request-evidence, categories: [compliance], period: P1Y, start:"
          + " request_closed, action: delete}\n";
  private static final Duration DAY = Duration.ofDays(1);

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void lastActivity_countsFromTheLatestSignInGivenDataConsentChoiceOrRequest(Engine engine) {
    try (RetentionFixture f =
        new RetentionFixture(engine, List.of(), RetentionFixture.bundledWith(RULES))) {
      // Each gave a record at 2025-01-01 (a direct source); then each did one thing later.
      UUID quiet = f.subject("customer-contacts", null, null, "q@example.com", "service.feedback");
      UUID signedIn =
          f.subject("customer-contacts", null, null, "s@example.com", "service.feedback");
      UUID chose = f.subject("customer-contacts", null, null, "c@example.com", "service.feedback");
      UUID asked = f.subject("customer-contacts", null, null, "r@example.com", "service.feedback");
      f.signIn(signedIn, Instant.parse("2025-03-10T08:00:00Z"));
      f.consentEvent(chose, "withdrawn", Instant.parse("2025-05-20T09:30:00Z"));
      // An expiry is not the person's act: it does not move their last activity.
      f.consentEvent(quiet, "expired", Instant.parse("2025-12-01T00:00:00Z"));
      f.request(asked, Instant.parse("2025-07-04T16:00:00Z"), null);

      expectDueAt(f, quiet, Instant.parse("2027-01-01T00:00:00Z"));
      expectDueAt(f, signedIn, Instant.parse("2027-03-10T08:00:00Z"));
      expectDueAt(f, chose, Instant.parse("2027-05-20T09:30:00Z"));
      expectDueAt(f, asked, Instant.parse("2027-07-04T16:00:00Z"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void lastActivity_aLaterSignInPostponesTheDeletion(Engine engine) {
    try (RetentionFixture f =
        new RetentionFixture(engine, List.of(), RetentionFixture.bundledWith(RULES))) {
      UUID ann = f.subject("customer-contacts", null, null, "ann@example.com", "service.inquiry");
      f.signIn(ann, Instant.parse("2025-06-01T00:00:00Z"));
      f.clock.set(Instant.parse("2027-06-01T00:00:00Z").minus(DAY));
      f.signIn(ann, Instant.parse("2027-05-31T00:00:00Z"));

      f.clock.set(Instant.parse("2027-06-01T00:00:00Z"));
      assertThat(f.sweep.run(DPO, "job", RetentionProgress.NONE).deleted()).isZero();
      assertThat(f.categories(ann)).containsExactly("service.inquiry");

      expectDueAt(f, ann, Instant.parse("2029-05-31T00:00:00Z"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void requestClosed_countsFromTheLastClosing_andNotWhileARequestIsOpen(Engine engine) {
    try (RetentionFixture f =
        new RetentionFixture(engine, List.of(), RetentionFixture.bundledWith(RULES))) {
      UUID eve =
          f.subject(
              "customer-contacts",
              null,
              null,
              "eve@example.com",
              "compliance.kyc",
              "contact.email");
      UUID frank =
          f.subject(
              "customer-contacts",
              null,
              null,
              "frank@example.com",
              "compliance.kyc",
              "contact.email");
      UUID gina = f.subject("customer-contacts", null, null, "gina@example.com", "compliance.kyc");
      f.request(eve, Instant.parse("2025-02-01T10:00:00Z"), Instant.parse("2025-02-20T10:00:00Z"));
      f.request(eve, Instant.parse("2025-02-25T10:00:00Z"), Instant.parse("2025-03-01T10:00:00Z"));
      f.request(
          frank, Instant.parse("2025-01-05T10:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"));
      UUID open = f.request(frank, Instant.parse("2025-04-01T00:00:00Z"), null);

      Instant eveDue = Instant.parse("2026-03-01T10:00:00Z");
      f.clock.set(eveDue.minus(DAY));
      assertThat(f.sweep.run(DPO, "job", RetentionProgress.NONE).deleted()).isZero();
      assertThat(f.categories(eve)).contains("compliance.kyc");

      f.clock.set(eveDue);
      SweepReport dry = f.sweep.dryRun(DPO);
      assertThat(dry.notSwept()).doesNotContainKey("request-evidence");
      RunSummary run = f.sweep.run(DPO, "job", RetentionProgress.NONE);
      assertThat(run.deleted()).isEqualTo(1);
      assertThat(f.categories(eve)).containsExactly("contact.email");
      // Frank's first request closed long ago, but another is open: nothing is counted.
      assertThat(f.categories(frank)).contains("compliance.kyc");
      assertThat(f.categories(gina)).containsExactly("compliance.kyc");

      f.update(
          "update rights_request set closed_at = ?, state = 'completed' where id = ?",
          RetentionFixture.at(Instant.parse("2026-05-01T00:00:00Z")),
          open);
      Instant frankDue = Instant.parse("2027-05-01T00:00:00Z");
      f.clock.set(frankDue.minus(DAY));
      assertThat(f.sweep.run(DPO, "job", RetentionProgress.NONE).deleted()).isZero();
      f.clock.set(frankDue);
      assertThat(f.sweep.run(DPO, "job", RetentionProgress.NONE).deleted()).isEqualTo(1);
      assertThat(f.categories(frank)).containsExactly("contact.email");
      assertThat(f.categories(gina)).containsExactly("compliance.kyc");
    }
  }

  /** The subject's records are kept a day before {@code due} and the person goes on it. */
  private static void expectDueAt(RetentionFixture f, UUID subject, Instant due) {
    f.clock.set(due.minus(DAY));
    f.sweep.run(DPO, "job", RetentionProgress.NONE);
    assertThat(f.categories(subject)).as("a day before " + due).isNotEmpty();
    assertThat(f.erased(subject)).isFalse();

    f.clock.set(due);
    f.sweep.run(DPO, "job", RetentionProgress.NONE);
    assertThat(f.categories(subject)).as("on " + due).isEmpty();
    assertThat(f.erased(subject)).isTrue();
  }
}
