package dev.steward.vault;

import static dev.steward.vault.VaultFixture.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.ConflictException;
import dev.steward.store.Engine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The GDPR Art. 14 clock on both engines: started by indirect sources, listed, given once. */
class Art14NoticesTest {
  private static final Instant OBTAINED = Instant.parse("2025-01-31T15:00:00Z");

  private static NewRecord from(String source, UUID subject, Instant collectedAt) {
    return new NewRecord(
        subject,
        "contact_details",
        new Provenance(source, "crm", Set.of("service"), "dpv:Contract", collectedAt, null),
        "a value");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void addRecords_fromIndirectSource_startsOneClockPerSubjectAndSource(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID ann = fixture.subjectWithEmail("ann@example.com");
      UUID bob = fixture.subjectWithEmail("bob@example.com");

      fixture.vault.addRecords(
          SYSTEM,
          List.of(
              from("import", ann, OBTAINED.plusSeconds(60)),
              from("import", ann, OBTAINED),
              from("contact_form", bob, OBTAINED)));
      fixture.vault.addRecords(SYSTEM, List.of(from("import", ann, OBTAINED.plusSeconds(999))));

      List<Art14Notice> due =
          fixture.vault.art14Notices().dueWithin(SYSTEM, Duration.ofDays(60), 100);
      assertThat(due).hasSize(1);
      Art14Notice notice = due.get(0);
      assertThat(notice.subjectId()).isEqualTo(ann);
      assertThat(notice.source()).isEqualTo("import");
      assertThat(notice.obtainedAt()).isEqualTo(OBTAINED);
      // Received 31 January: the month ends on the last day of February.
      assertThat(notice.dueDate()).isEqualTo(LocalDate.of(2025, 2, 28));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void disclosureBeforeTheMonthEnds_bringsTheNoticeForwardToTheDisclosure(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID ann = fixture.subjectWithEmail("ann@example.com");
      fixture.vault.addRecords(SYSTEM, List.of(from("import", ann, OBTAINED)));
      Instant disclosed = OBTAINED.plus(Duration.ofDays(10));

      discloseToMailProvider(fixture, ann, disclosed);

      Art14Notice notice =
          fixture.vault.art14Notices().dueWithin(SYSTEM, Duration.ofDays(60), 100).get(0);
      // Art. 14(3)(c): at the latest at the first disclosure, 10 February, not 28 February.
      assertThat(notice.dueDate()).isEqualTo(LocalDate.of(2025, 2, 10));
      assertThat(notice.dueAt()).isEqualTo(disclosed);

      discloseToMailProvider(fixture, ann, disclosed.plus(Duration.ofDays(5)));
      assertThat(fixture.vault.art14Notices().dueWithin(SYSTEM, Duration.ofDays(60), 100))
          .extracting(Art14Notice::dueAt)
          .containsExactly(disclosed);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void markNotified_once_dropsItFromTheListAndASecondTimeConflicts(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID ann = fixture.subjectWithEmail("ann@example.com");
      fixture.vault.addRecords(SYSTEM, List.of(from("staff", ann, OBTAINED)));
      Art14Notices notices = fixture.vault.art14Notices();
      UUID id = notices.dueWithin(SYSTEM, Duration.ofDays(60), 100).get(0).id();

      Art14Notice given =
          notices.markNotified(
              SYSTEM, id, Art14Notice.NoticeMethod.EMAIL, OBTAINED.plus(Duration.ofDays(3)));

      assertThat(given.method()).isEqualTo(Art14Notice.NoticeMethod.EMAIL);
      assertThat(notices.dueWithin(SYSTEM, Duration.ofDays(60), 100)).isEmpty();
      assertThatThrownBy(
              () -> notices.markNotified(SYSTEM, id, Art14Notice.NoticeMethod.POST, OBTAINED))
          .isInstanceOf(ConflictException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void dueWithin_excludesLaterDeadlinesAndErasedSubjects(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID ann = fixture.subjectWithEmail("ann@example.com");
      UUID bob = fixture.subjectWithEmail("bob@example.com");
      Instant recent = VaultFixture.START;
      fixture.vault.addRecords(
          SYSTEM, List.of(from("import", ann, recent), from("import", bob, recent)));
      fixture.vault.erase(SYSTEM, bob, "erasure request", "REQ-1", List.of());

      assertThat(fixture.vault.art14Notices().dueWithin(SYSTEM, Duration.ofDays(7), 100)).isEmpty();
      assertThat(fixture.vault.art14Notices().dueWithin(SYSTEM, Duration.ofDays(40), 100))
          .extracting(Art14Notice::subjectId)
          .containsExactly(ann);
    }
  }

  private static void discloseToMailProvider(VaultFixture fixture, UUID subject, Instant at) {
    fixture
        .vault
        .disclosures()
        .record(
            SYSTEM,
            List.of(
                new NewDisclosure(
                    subject,
                    "mail_provider",
                    Set.of("contact_details"),
                    at,
                    "marketing",
                    "dpv:Consent",
                    "newsletter")));
  }
}
